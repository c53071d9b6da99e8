const roleNames: Record<'id' | 'en', Record<string, string>> = {
  id: { officer: 'petugas', supervisor: 'supervisor', admin: 'admin' },
  en: { officer: 'officer', supervisor: 'supervisor', admin: 'admin' },
};

/** Officer sign-in and sessions (the desk, /petugas/). */
export const officerMessages = {
  wrongCredentials: {
    id: () => 'Nama pengguna atau kata sandi salah.',
    en: () => 'The username or password is wrong.',
  },
  totpRequired: {
    id: () => 'Masukkan kode 6 angka dari aplikasi autentikator Anda.',
    en: () => 'Enter the 6-digit code from your authenticator app.',
  },
  totpWrong: {
    id: () => 'Kode verifikasi salah atau sudah dipakai; tunggu kode berikutnya di aplikasi autentikator.',
    en: () =>
      'The verification code is wrong or already used; wait for the next code in your authenticator app.',
  },
  signInLocked: {
    id: (seconds: number) =>
      `Terlalu banyak percobaan masuk yang gagal untuk akun ini. Coba lagi dalam ${Math.ceil(seconds / 60)} menit.`,
    en: (seconds: number) =>
      `Too many failed sign-ins for this account. Try again in ${Math.ceil(seconds / 60)} minutes.`,
  },
  sessionExpired: {
    id: () => 'Sesi Anda telah berakhir. Silakan masuk lagi.',
    en: () => 'Your session has ended. Please sign in again.',
  },
  csrfFailed: {
    id: () => 'Permintaan ini tidak membawa token desk yang benar (x-loket-csrf). Muat ulang halaman.',
    en: () => 'This request did not carry the right desk token (x-loket-csrf). Reload the page.',
  },
  deskOtherOrigin: {
    id: () => 'Desk petugas hanya dapat dipakai dari situs server Loket sendiri.',
    en: () => "The officer desk works only from the Loket server's own site.",
  },
  ssoUnavailable: {
    id: () => 'Masuk dengan SSO belum diatur di server ini.',
    en: () => 'Single sign-on is not set up on this server.',
  },
  ssoFailed: {
    id: () => 'Masuk dengan SSO gagal atau akun Anda tidak terdaftar sebagai petugas. Hubungi admin.',
    en: () => 'Single sign-on failed, or your account is not registered as an officer. Ask an admin.',
  },
  accountRefused: {
    id: (reason: string) => `Akun ini tidak dapat disimpan: ${reason}`,
    en: (reason: string) => `This account cannot be saved: ${reason}`,
  },
  accountNotFound: {
    id: (username: string) => `Tidak ada akun ${username} di instansi dan wilayah Anda.`,
    en: (username: string) => `There is no account ${username} in your agency and region.`,
  },
  notOwnAccount: {
    id: () => 'Anda tidak dapat menonaktifkan akun sendiri atau mencabut peran admin Anda sendiri.',
    en: () => 'You cannot disable your own account or take away your own admin role.',
  },
  passwordWeak: {
    id: (rule: 'short' | 'long' | 'username') =>
      rule === 'short'
        ? 'Kata sandi baru minimal 12 karakter.'
        : rule === 'long'
          ? 'Kata sandi baru paling banyak 256 karakter.'
          : 'Kata sandi baru tidak boleh memuat nama pengguna.',
    en: (rule: 'short' | 'long' | 'username') =>
      rule === 'short'
        ? 'The new password must be at least 12 characters.'
        : rule === 'long'
          ? 'The new password must be at most 256 characters.'
          : 'The new password must not contain the username.',
  },
  currentPasswordWrong: {
    id: () => 'Kata sandi saat ini salah.',
    en: () => 'The current password is wrong.',
  },
  notOwnPassword: {
    id: () => 'Ubah kata sandi Anda sendiri di "Kata sandi saya", dengan kata sandi saat ini.',
    en: () => 'Change your own password under "My password", with your current password.',
  },
  outsideRegion: {
    id: (region: string) => `Wilayah ${region} di luar wilayah akun Anda.`,
    en: (region: string) => `Region ${region} is outside your account's region.`,
  },
  originRefused: {
    id: (reason: string) => `Situs asal ini tidak dapat dipakai: ${reason}`,
    en: (reason: string) => `This origin cannot be used: ${reason}`,
  },
  originNotListed: {
    id: (origin: string, region: string) => `${origin} tidak diizinkan untuk wilayah ${region}.`,
    en: (origin: string, region: string) => `${origin} is not allowed for region ${region}.`,
  },
  roleRequired: {
    id: (role: string) =>
      `Hanya akun berperan ${roleNames.id[role] ?? role} (atau lebih tinggi) yang boleh melakukan ini.`,
    en: (role: string) =>
      `Only an account with the ${roleNames.en[role] ?? role} role (or a higher one) may do this.`,
  },
};

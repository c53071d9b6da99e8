import type { LaterMessages } from '../types';

/** Bahasa Indonesia: in the end views' chunk, loaded when the form gets to the check page. */
export const id: LaterMessages = {
  check: {
    title: 'Periksa jawaban Anda',
    change: 'Ubah',
    empty: 'Tidak diisi',
    yes: 'Ya',
    no: 'Tidak',
    declarationTitle: 'Sekarang kirim permohonan Anda',
    declaration: 'Saya menyatakan bahwa semua data dan berkas yang saya berikan benar.',
    submit: 'Kirim permohonan',
    resubmit: 'Kirim ulang permohonan',
    waitingTitle: 'Menunggu sambungan internet',
    copied: 'Sama dengan jawaban “{label}”',
    newsTitle: 'Kabar tentang permohonan ini',
    newsHint:
      'Pilih ke mana kami mengirim kabar bila status permohonan berubah. Boleh tidak memilih: Anda tetap dapat melihat status dengan kode pelacakan. Setiap pesan berisi tautan untuk berhenti.',
    newsEmail: 'Kirim kabar ke email {email}',
    newsPhone: 'Kirim kabar ke nomor HP {phone}',
    newsPhoneHint: 'Lewat SMS atau WhatsApp dari layanan pesan daerah Anda, bila daerah menyediakannya.',
  },
  done: {
    code: 'Kode pelacakan',
    secret: 'Kode rahasia',
    copy: 'Salin {what}',
    keep: 'Simpan kedua kode ini, misalnya dengan memotret layar ini atau menulisnya. Anda memerlukan keduanya untuk melihat status permohonan. Jangan berikan kode rahasia kepada siapa pun.',
    next: 'Apa selanjutnya',
    due: 'Perkiraan selesai: {date}.',
    track: 'Lihat status permohonan',
    another: 'Ajukan permohonan baru',
    receipt: 'Bukti pengajuan (untuk disimpan atau dicetak)',
  },
};

import type { WithdrawMessages } from '../types';

/** Bahasa Indonesia: in the withdraw step's chunk, loaded when the citizen first chooses "Batalkan permohonan". */
export const id: WithdrawMessages = {
  heading: 'Batalkan permohonan ini?',
  body: 'Permohonan yang dibatalkan tidak dapat dilanjutkan. Anda dapat mengajukan permohonan baru kapan saja.',
  reason: 'Alasan pembatalan (tidak wajib)',
  reasonHint: 'Hanya dibaca petugas. Paling banyak 500 karakter.',
  confirm: 'Ya, batalkan permohonan',
  cancel: 'Jangan batalkan',
  failed: 'Permohonan belum dibatalkan. Periksa sambungan internet Anda, lalu coba lagi.',
  conflict: 'Permohonan ini tidak dapat dibatalkan lagi karena statusnya sudah berubah.',
};

/**
 * A complete application of ktp-el-hilang for the session's tests: its answers and two files the
 * server takes for PDFs. Shared by the Node tests (helpers.ts) and the components' browser helper
 * (packages/components/test/session.ts), so it imports nothing of Node's.
 */
import type { ApplicationSession } from '../../src/session/index.js';

/** Every answer ktp-el-hilang needs but the files. */
export const person = {
  nama_lengkap: 'Siti Aminah',
  nik: '3374015505900001',
  telepon: '081234567890',
  tanggal_kehilangan: '2026-03-01',
  pernyataan_benar: true,
} as const;

/** A file the server takes for a PDF (by its first bytes, whatever its name); `note` makes other bytes. */
export const pdfFile = (name = 'surat.pdf', note = '') =>
  new File([`%PDF-1.4\n%${note}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`], name, {
    type: 'application/pdf',
  });

/** A complete application: every answer and both required files. */
export async function fillIn(session: ApplicationSession): Promise<void> {
  for (const [field, value] of Object.entries(person)) session.setAnswer(field, value);
  await session.flush();
  await session.upload('surat_keterangan_kehilangan', pdfFile());
  await session.upload('kartu_keluarga', pdfFile('kk.pdf'));
}

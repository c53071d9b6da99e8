/**
 * Browser-side helpers for the tests that need the application session in a real browser (its
 * own tests run in Node: packages/sdk/test/session): a session of ktp-el-hilang in Kota Surabaya
 * on the real API, complete answers and files.
 */
import { type ApplicationSession, createApplicationSession, type SessionStorage } from '@loket/sdk/session';
import { inject } from 'vitest';
import { loketCore } from '../src/utils/client';

export const SERVICE = 'ktp-el-hilang';
export const REGION = '35.78';

const sessions = new Set<ApplicationSession>();

/** A session on the real API; disposed by `disposeSessions()` (call it in afterEach). */
export function openSession(storage: SessionStorage): ApplicationSession {
  const core = loketCore(inject('apiBase'), REGION, 'id');
  const session = createApplicationSession({ core, service: SERVICE, region: REGION, storage });
  sessions.add(session);
  return session;
}

export function disposeSessions(): void {
  for (const session of sessions) session.dispose();
  sessions.clear();
}

/** Every answer ktp-el-hilang needs but the files. */
export const person = {
  nama_lengkap: 'Siti Aminah',
  nik: '3374015505900001',
  telepon: '081234567890',
  tanggal_kehilangan: '2026-03-01',
  pernyataan_benar: true,
} as const;

/** A file the server takes for a PDF (by its first bytes, whatever its name). */
export const pdfFile = (name = 'surat.pdf') =>
  new File(['%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n'], name, { type: 'application/pdf' });

/** A complete application: every answer and both required files. */
export async function fillIn(session: ApplicationSession): Promise<void> {
  for (const [field, value] of Object.entries(person)) session.setAnswer(field, value);
  await session.flush();
  await session.upload('surat_keterangan_kehilangan', pdfFile());
  await session.upload('kartu_keluarga', pdfFile('kk.pdf'));
}

/**
 * Browser-side helpers for the application session tests: a session of ktp-el-hilang in Kota
 * Surabaya on the real API, storages that play one device each, complete answers and files, and
 * the officer's side of an application.
 */
import { expect, inject } from 'vitest';
import { createApplicationSession } from '../src/components/loket-application-form/session';
import type {
  ApplicationSession,
  SessionSnapshot,
} from '../src/components/loket-application-form/session-types';
import { loketCore } from '../src/utils/client';

export const SERVICE = 'ktp-el-hilang';
export const REGION = '35.78';

/** A Storage of its own: one per device (a reload keeps it, another device has another). */
export class DeviceStorage implements Storage {
  readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  /** The stored record, parsed. */
  record(): Record<string, unknown> | null {
    const text = this.items.get(`loket:application:v1:${SERVICE}:${REGION}`);
    return text ? JSON.parse(text) : null;
  }
}

const sessions = new Set<ApplicationSession>();

/** A session on the real API; disposed by `disposeSessions()` (call it in afterEach). */
export function openSession(storage: Storage, service = SERVICE): ApplicationSession {
  const session = createApplicationSession({
    core: loketCore(inject('apiBase'), REGION, 'id'),
    service,
    region: REGION,
    storage,
  });
  sessions.add(session);
  return session;
}

export function disposeSessions(): void {
  for (const session of sessions) session.dispose();
  sessions.clear();
}

/** Waits until the session's snapshot satisfies `check`. */
export async function until(
  session: ApplicationSession,
  check: (snapshot: SessionSnapshot) => boolean,
  timeout = 10_000,
): Promise<SessionSnapshot> {
  await expect.poll(() => check(session.snapshot), { timeout }).toBe(true);
  return session.snapshot;
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

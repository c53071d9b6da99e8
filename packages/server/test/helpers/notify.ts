import { newId, newTrackingCode, secretHash } from '../../src/applications/secrets.js';
import type { Db } from '../../src/db/index.js';
import type { Log, OutboxSettings } from '../../src/notifications/worker.js';

/** What the tests look for in e-mails: none of it may ever appear there. */
export const secret = '7KQ2-M9XD-4HTR-0BWE';
export const answers = {
  nama_lengkap: 'Budi Santoso Wibowo',
  nik: '3374011505900001',
  telepon: '081234567890',
  email: 'budi@example.com',
};

/** A ktp-el-hilang application in Semarang, written directly as the citizen endpoints leave it. */
export async function insertApplication(
  db: Db,
  spec: { status: string; lang?: 'id' | 'en'; email?: string | null },
): Promise<{ id: string; code: string }> {
  const id = newId();
  const code = newTrackingCode();
  const given: Record<string, unknown> = { ...answers };
  if (spec.email === null) delete given.email;
  else if (spec.email) given.email = spec.email;
  await db.query(
    `insert into application (id, code, secret_hash, service_id, region_code, agency_id, form_version, status,
       answers, submitted_at, lang)
     values ($1, $2, $3, 'ktp-el-hilang', '33.74', 'dukcapil', 1, $4, $5::text::jsonb, now(), $6)`,
    [id, code, secretHash(secret), spec.status, JSON.stringify(given), spec.lang ?? 'id'],
  );
  return { id, code };
}

export function settings(
  smtpUrl: string | undefined,
  overrides: Partial<OutboxSettings> = {},
): OutboxSettings {
  return {
    smtpUrl,
    mailFrom: 'Loket Kota Semarang <loket@semarang.example>',
    trackerUrl: 'https://layanan.semarang.example/lacak#kode={code}',
    bookingUrl: 'https://layanan.{region}.example/antrean.html#kode={code}',
    complaintUrl: 'https://layanan.{region}.example/pengaduan.html#kode={code}',
    apiUrl: 'https://api.semarang.example',
    pollMs: 50,
    leaseMs: 10_000,
    retryMs: 1000,
    maxAttempts: 5,
    webhooks: { timeoutMs: 2000, disableAfter: 20, allowPrivate: true },
    ...overrides,
  };
}

/** A logger that keeps what it was told, to check the start-up line and the warnings. */
export function memoryLog(): Log & { lines: { level: string; msg: string; obj: object }[] } {
  const lines: { level: string; msg: string; obj: object }[] = [];
  const at = (level: string) => (obj: object, msg: string) => {
    lines.push({ level, msg, obj });
  };
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

/** Waits until `check` holds (the worker runs on its own timer). */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const deliveriesOf = (db: Db, applicationId: string) =>
  db.query<{ id: string; status: string; attempts: number; last_error: string | null; target: string }>(
    `select d.id, d.status, d.attempts, d.last_error, d.target from delivery d
     join outbox_event e on e.id = d.event_id where e.application_id = $1 order by d.created_at, d.id`,
    [applicationId],
  );

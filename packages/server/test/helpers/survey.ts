import { newId, newTrackingCode, secretHash } from '../../src/applications/secrets.js';
import type { Db } from '../../src/db/index.js';

export const surveySecret = '7KQ2-M9XD-4HTR-0BWE';

export interface DecidedSpec {
  status: 'submitted' | 'in_review' | 'completed' | 'rejected';
  service?: string;
  agency?: string;
  region?: string;
  submittedAt?: string;
  decidedAt?: string;
  due?: string | null;
}

/**
 * An application with its history, written directly: submitted at `submittedAt` and, when
 * completed or rejected, decided at `decidedAt` (the history the performance is read from).
 */
export async function insertDecided(db: Db, spec: DecidedSpec): Promise<{ id: string; code: string }> {
  const id = newId();
  const code = newTrackingCode();
  const submittedAt = spec.submittedAt ?? '2026-11-02T02:00:00Z';
  await db.query(
    `insert into application (id, code, secret_hash, service_id, region_code, agency_id, form_version, status,
       answers, submitted_at, due_date, due_working_days, due_calendar)
     values ($1, $2, $3, $4, $5, $6, 1, $7, $8::text::jsonb, $9::timestamptz, $10::date, $11, $12)`,
    [
      id,
      code,
      secretHash(surveySecret),
      spec.service ?? 'ktp-el-hilang',
      spec.region ?? '33.74',
      spec.agency ?? 'dukcapil',
      spec.status,
      JSON.stringify({ nama_lengkap: 'Budi Santoso Wibowo', nik: '3374011505900001' }),
      submittedAt,
      spec.due === undefined ? '2026-11-16' : spec.due,
      spec.due === null ? null : 10,
      spec.due === null ? 'none' : 'official',
    ],
  );
  await db.query(
    `insert into application_event (application_id, from_status, to_status, actor, at)
     values ($1, 'draft', 'submitted', 'citizen', $2::timestamptz)`,
    [id, submittedAt],
  );
  if (spec.status === 'completed' || spec.status === 'rejected') {
    await db.query(
      `insert into application_event (application_id, from_status, to_status, actor, at)
       values ($1, 'in_review', $2, 'officer:test', $3::timestamptz)`,
      [id, spec.status, spec.decidedAt ?? '2026-11-10T03:00:00Z'],
    );
  }
  return { id, code };
}

import { randomBytes } from 'node:crypto';
import { checkOrigin } from '../applications/origins.js';
import { newId, sha256Hex } from '../applications/secrets.js';
import { hit } from '../db/counters.js';
import type { Db, Queryable } from '../db/index.js';
import type { Limit } from '../limits.js';
import { say } from '../messages/index.js';
import { problem, tooManyRequests } from '../problem.js';
import { recordResponse } from './responses.js';
import type { SurveyAnswer } from './subject.js';

/** A survey tablet at a location (its token is shown once and stored only as a hash). */
export interface KioskDevice {
  id: string;
  name: string;
  location_id: string;
  region_code: string;
  created_at: Date | string;
  revoked_at: Date | string | null;
}

export class KioskInputError extends Error {}

/** Registers a kiosk for a location; returns the device and its token (shown once). */
export async function createKiosk(
  db: Queryable,
  input: { name: string; location: string },
  now: Date,
): Promise<{ device: KioskDevice; token: string }> {
  const name = input.name.trim();
  if (!name || name.length > 200) throw new KioskInputError('--name is required (at most 200 characters)');
  const [location] = await db.query<{ region_code: string }>(
    'select region_code from location where id = $1',
    [input.location],
  );
  if (!location) throw new KioskInputError(`unknown location "${input.location}"`);
  const token = `kiosk_${randomBytes(24).toString('base64url')}`;
  const id = newId();
  await db.query(
    'insert into kiosk_device (id, name, token_hash, location_id, created_at) values ($1, $2, $3, $4, $5)',
    [id, name, sha256Hex(token), input.location, now],
  );
  return {
    device: {
      id,
      name,
      location_id: input.location,
      region_code: location.region_code,
      created_at: now,
      revoked_at: null,
    },
    token,
  };
}

const deviceColumns = `k.id, k.name, k.location_id, l.region_code, k.created_at, k.revoked_at`;

export async function listKiosks(db: Queryable, location?: string): Promise<KioskDevice[]> {
  return db.query<KioskDevice>(
    `select ${deviceColumns} from kiosk_device k join location l on l.id = k.location_id
     where $1::text is null or k.location_id = $1 order by k.created_at desc, k.id`,
    [location ?? null],
  );
}

/** Revokes a kiosk at once; returns false when there is no such device. */
export async function revokeKiosk(db: Queryable, id: string, now: Date): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return false;
  const rows = await db.query(
    'update kiosk_device set revoked_at = coalesce(revoked_at, $2) where id = $1 returning 1',
    [id, now],
  );
  return rows.length > 0;
}

/** The kiosk of a valid, unrevoked `Loket-Kiosk` token, when the page's origin (if any) is its region's. */
export async function authenticateKiosk(
  db: Db,
  given: { token: string | undefined; origin: string | undefined },
): Promise<KioskDevice> {
  const token = given.token ?? '';
  const rows = /^kiosk_[A-Za-z0-9_-]{20,60}$/.test(token)
    ? await db.query<KioskDevice>(
        `select ${deviceColumns} from kiosk_device k join location l on l.id = k.location_id
         where k.token_hash = $1 and k.revoked_at is null`,
        [sha256Hex(token)],
      )
    : [];
  const device = rows[0];
  if (!device) throw problem('unauthorized', 401, say('kioskUnknown'));
  await checkOrigin(db, given.origin, device.region_code);
  return device;
}

/** Per-device limits: responses per minute and per day (on top of the address's). */
export interface KioskLimits {
  perMinute: Limit;
  perDay: Limit;
}

async function countResponse(db: Queryable, device: KioskDevice, limits: KioskLimits): Promise<void> {
  for (const [suffix, limit] of [
    ['m', limits.perMinute],
    ['d', limits.perDay],
  ] as const) {
    if (limit.max <= 0) continue;
    const count = await hit(db, `kiosk:${device.id}:${suffix}`, limit.windowMs);
    if (count.hits > limit.max) throw tooManyRequests(Math.max(1, Math.ceil(count.ttlMs / 1000)));
  }
}

/** One response on a kiosk: for its location (and region), for the service named, if any. */
export async function answerKioskSurvey(
  db: Db,
  device: KioskDevice,
  answer: SurveyAnswer & { service?: string },
  options: { now: Date; limits: KioskLimits },
): Promise<void> {
  await countResponse(db, device, options.limits);
  let agencyId: string | null = null;
  if (answer.service) {
    const [service] = await db.query<{ agency_id: string }>('select agency_id from service where id = $1', [
      answer.service,
    ]);
    if (!service)
      throw problem('invalid-request', 400, say('surveyUnknownService', answer.service), '/service');
    agencyId = service.agency_id;
  }
  await db.transaction((tx) =>
    recordResponse(
      tx,
      {
        channel: 'kiosk',
        serviceId: answer.service ?? null,
        agencyId,
        regionCode: device.region_code,
        locationId: device.location_id,
        at: options.now,
        scores: answer.scores,
        profile: answer.profile,
        suggestion: answer.suggestion,
      },
      null,
    ),
  );
}

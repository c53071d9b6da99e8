import { randomBytes } from 'node:crypto';
import type { components } from '@loket/sdk/contract';
import { normalizePhone } from '@loket/sdk/forms';
import { canonicalJson } from '../applications/drafts.js';
import { checkOrigin } from '../applications/origins.js';
import {
  newId,
  newSecret,
  normalizeCode,
  secretHash,
  secretMatches,
  sha256Hex,
} from '../applications/secrets.js';
import type { Db, Queryable } from '../db/index.js';
import { type Lang, say } from '../messages/index.js';
import { problem } from '../problem.js';
import { recordVisitEvent } from './events.js';
import { claimKey, remember } from './idempotency.js';
import { bookableCounters, isUniqueViolation, nextNumber, takePlace, ticketById } from './places.js';
import { presentBooking } from './present.js';
import { requireSite } from './site.js';
import { instantOf } from './time.js';

type Schemas = components['schemas'];
type Request = Schemas['CreateBookingRequest'];

// Booking a visit (POST /v1/bookings): the rules of a place are in places.ts.

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const newBookingCode = () => Array.from(randomBytes(8), (b) => alphabet[b % 32]).join('');

function contactOf(body: { phone?: string; email?: string }) {
  const phone = body.phone === undefined || body.phone.trim() === '' ? null : normalizePhone(body.phone);
  if (body.phone !== undefined && body.phone.trim() !== '' && phone === null) {
    throw problem('invalid-request', 400, say('visitBadPhone'), '/phone');
  }
  const email = body.email?.trim() ? body.email.trim() : null;
  if (!phone && !email) throw problem('invalid-request', 400, say('visitNeedsContact'), '/phone');
  return { phone, email };
}

/** The application the citizen links, proven by its secret; 404 otherwise (like a wrong secret). */
async function linkedApplication(db: Queryable, link: Request['application'], service: string) {
  if (!link) return null;
  const code = normalizeCode(link.code);
  const [row] = code
    ? await db.query<{ id: string; secret_hash: string; service_id: string }>(
        'select id, secret_hash, service_id from application where code = $1',
        [code],
      )
    : [];
  if (!row || !secretMatches(link.secret, row.secret_hash) || row.service_id !== service) {
    throw problem('not-found', 404, say('applicationNotFound', link.code), '/application');
  }
  return row.id;
}

export interface BookingOutcome {
  status: number;
  body: Schemas['CreatedBooking'];
  replayed: boolean;
}

/** Books a visit (POST /v1/bookings). */
export async function createBooking(
  db: Db,
  body: Request,
  options: { key: string | undefined; lang: Lang; now: Date; origin: string | undefined },
): Promise<BookingOutcome> {
  const { key, lang, now } = options;
  if (!key) throw problem('precondition-required', 428, say('keyMissing'), '/header/Idempotency-Key');
  const site = await requireSite(db, body.location);
  await checkOrigin(db, options.origin, site.region_code);
  const contact = contactOf(body);
  const print = sha256Hex(canonicalJson(body));
  return db.transaction(async (tx) => {
    const replay = await claimKey<Schemas['CreatedBooking']>(tx, key, print, now);
    if (replay) return { ...replay, replayed: true };
    const { counters, slot } = await bookableCounters(
      tx,
      site,
      body.service,
      body.date,
      body.time,
      now,
      lang,
    );
    const applicationId = await linkedApplication(tx, body.application, body.service);
    const counter = await takePlace(tx, site, counters, body.date, body.time);
    const number = await nextNumber(tx, site.location_id, body.date, counter.prefix);
    const secret = newSecret();
    const slotEnd = instantOf(body.date, slot.end, site.timezone);
    const id = newId();
    try {
      await tx.query(
        `insert into visit_ticket (id, location_id, counter_id, service_id, kind, day, slot_time, starts_at, ends_at,
           prefix, number, status, code, secret_hash, name, phone, email, lang, application_id, created_at)
         values ($1, $2, $3, $4, 'booked', $5::date, $6, $7, $8, $9, $10, 'booked', $11, $12, $13, $14, $15, $16, $17, $18)`,
        [
          id,
          site.location_id,
          counter.id,
          body.service,
          body.date,
          body.time,
          slot.starts_at,
          slotEnd,
          counter.prefix,
          number,
          newBookingCode(),
          secretHash(secret),
          body.name.trim(),
          contact.phone,
          contact.email,
          lang,
          applicationId,
          now,
        ],
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw problem('already-booked', 409, say('visitAlreadyBooked'));
      throw error;
    }
    const ticket = await ticketById(tx, id);
    await recordVisitEvent(tx, ticket, 'visit.booked', { at: now });
    const created = { ...(await presentBooking(tx, ticket, lang)), secret };
    await remember(tx, key, 201, created);
    return { status: 201, body: created, replayed: false };
  });
}

import { randomBytes } from 'node:crypto';
import type { components } from '@loket/sdk/contract';
import { normalizePhone } from '@loket/sdk/forms';
import { normalizeEmail } from '../applications/contacts.js';
import { canonicalJson } from '../applications/drafts.js';
import { newId, newSecret, secretHash, sha256Hex } from '../applications/secrets.js';
import type { Db } from '../db/index.js';
import type { Limit } from '../limits.js';
import { type Lang, say } from '../messages/index.js';
import { problem } from '../problem.js';
import { claimKey, remember } from '../visits/idempotency.js';
import { recordComplaintEvent } from './events.js';
import { complaintById, presentComplaint } from './present.js';
import { resolveSubject } from './subject.js';
import { complaintDue } from './target.js';

type Schemas = components['schemas'];
type Request = Schemas['CreateComplaintRequest'];
type Created = Schemas['CreatedComplaint'];

// Filing a complaint (POST /v1/complaints).

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const newComplaintCode = () => Array.from(randomBytes(8), (b) => alphabet[b % 32]).join('');

/** The contact as stored (normalized), and the ticked channels, each of which needs its contact. */
function contactOf(body: Request) {
  const given = body.contact ?? {};
  const rawPhone = given.phone?.trim() ? given.phone : null;
  const phone = rawPhone === null ? null : normalizePhone(rawPhone);
  if (rawPhone !== null && phone === null) {
    throw problem('invalid-request', 400, say('complaintBadPhone'), '/contact/phone');
  }
  const email = given.email?.trim() ? normalizeEmail(given.email) : null;
  const notify = [...new Set(body.notify ?? [])].sort();
  for (const channel of notify) {
    if ((channel === 'email' ? email : phone) === null) {
      throw problem(
        'invalid-request',
        400,
        say('complaintNotifyNeedsContact', channel),
        `/contact/${channel}`,
      );
    }
  }
  return { name: given.name?.trim() || null, email, phone, notify };
}

/** Files a complaint: resolves what it is about, stores it with its response date, and tells the outbox. */
export async function createComplaint(
  db: Db,
  body: Request,
  options: {
    key: string | undefined;
    lang: Lang;
    now: Date;
    origin: string | undefined;
    lockout: Limit;
    channels: Schemas['NationalComplaintChannel'][];
  },
): Promise<{ status: number; body: Created; replayed: boolean }> {
  const { key, lang, now } = options;
  if (!key) throw problem('precondition-required', 428, say('keyMissing'), '/header/Idempotency-Key');
  const contact = contactOf(body);
  const subject = await resolveSubject(db, body.about, options);
  const print = sha256Hex(canonicalJson(body));
  return db.transaction(async (tx) => {
    const replay = await claimKey<Created>(tx, key, print, now, 'complaint');
    if (replay) return { ...replay, replayed: true };
    const due = await complaintDue(tx, subject.agency_id, now);
    const secret = newSecret();
    const id = newId();
    // 40 random bits: on the rare clash another code is drawn (never a failure for the citizen).
    for (let attempt = 0; ; attempt++) {
      const inserted = await tx.query(
        `insert into complaint (id, code, secret_hash, kind, application_id, ticket_id, service_id, region_code,
           agency_id, category, description, contact_name, contact_email, contact_phone, notify, lang, filed_at,
           due_date, due_working_days, due_calendar, due_basis)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18::date, $19, $20, $21)
         on conflict (code) do nothing returning 1`,
        [
          id,
          newComplaintCode(),
          secretHash(secret),
          subject.kind,
          subject.application_id,
          subject.ticket_id,
          subject.service_id,
          subject.region_code,
          subject.agency_id,
          body.category,
          body.description.trim(),
          contact.name,
          contact.email,
          contact.phone,
          contact.notify,
          lang,
          now,
          due.date,
          due.working_days,
          due.calendar,
          due.basis,
        ],
      );
      if (inserted.length > 0) break;
      if (attempt >= 4) throw new Error('no free complaint code after 5 draws');
    }
    const row = await complaintById(tx, id);
    await recordComplaintEvent(tx, row, 'complaint.received', now);
    const created: Created = { ...presentComplaint(row, lang, options.channels), secret };
    await remember(tx, key, 201, created, 'complaint');
    return { status: 201, body: created, replayed: false };
  });
}

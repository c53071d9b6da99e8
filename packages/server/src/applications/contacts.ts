import type { components } from '@loket/sdk/contract';
import { isEmail, normalizePhone } from '@loket/sdk/forms';
import type { Queryable } from '../db/index.js';

/** The part of a form definition contacts are found by. */
type Form = { steps: { fields: { id: string; type: string }[] }[] };
export type NotifyChannel = components['schemas']['NotifyChannels'][number];

/** Where an application's news and recovery links may go: its e-mail and phone answers, normalized. */
export interface Contacts {
  email: string | null;
  phone: string | null;
}

/** An e-mail address as compared and stored: trimmed, lower case (nobody's mailbox differs by case). */
export const normalizeEmail = (value: string): string | null => {
  const address = value.trim().toLowerCase();
  return isEmail(address) && address.length <= 254 ? address : null;
};

/** The first e-mail and the first phone question of the form, as answered (every form has at most one). */
export function contactsOf(form: Form, answers: Record<string, unknown>): Contacts {
  const fields = form.steps.flatMap((step) => step.fields);
  const answer = (type: 'email' | 'phone') => {
    const field = fields.find((f) => f.type === type && typeof answers[f.id] === 'string');
    return field ? String(answers[field.id]) : null;
  };
  const email = answer('email');
  const phone = answer('phone');
  return { email: email ? normalizeEmail(email) : null, phone: phone ? normalizePhone(phone) : null };
}

/**
 * Stores the citizen's choice of news channels and the contacts with a (re)submission, in its
 * transaction. `notify` absent: the earlier choice stays; never chosen (null), the application keeps
 * the behaviour of before the choice existed (an e-mail to the e-mail answer); docs/notifications.md.
 */
export async function recordContacts(
  tx: Queryable,
  applicationId: string,
  contacts: Contacts,
  notify: NotifyChannel[] | undefined,
): Promise<void> {
  await tx.query(
    `update application set contact_email = $2, contact_phone = $3, notify = coalesce($4::text[], notify)
     where id = $1`,
    [applicationId, contacts.email, contacts.phone, notify ? [...new Set(notify)].sort() : null],
  );
}

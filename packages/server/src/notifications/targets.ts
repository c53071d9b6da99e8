import type { RecoveryPayload } from './outbox.js';
import { recoveryTopic } from './outbox.js';

/** How a message reaches the citizen: e-mail over SMTP, or their phone through the region's gateway. */
export type Channel = 'email' | 'phone';

/** What fan-out reads of an event and its application. */
export interface FanOutRow {
  id: string;
  topic: string;
  payload: unknown;
  /** The `email` answer, for applications that never chose their channels. */
  email: unknown;
  notify: string[] | null;
  contact_email: string | null;
  contact_phone: string | null;
  stopped: boolean;
}

/** An e-mail address as given on the form, if it looks like one (the form validated it). */
export function emailTarget(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const address = raw.trim();
  return /^[^\s@<>,;"]+@[^\s@<>,;"]+$/.test(address) && address.length <= 254 ? address : null;
}

/**
 * Where one event goes, by channel, when the channel can be sent (`available`):
 * - a recovery link: only to the contact that matched the request (the citizen asked for it);
 * - news, once the citizen used a stop link: nowhere;
 * - news of an application whose channels were chosen (`notify`): only those channels;
 * - news of one that never chose (sent before the choice existed): its e-mail answer, as then.
 */
export function targetsOf(
  row: FanOutRow,
  available: Record<Channel, boolean>,
): { channel: Channel; target: string }[] {
  const contact = { email: row.contact_email, phone: row.contact_phone };
  let wanted: Channel[];
  if (row.topic === recoveryTopic) wanted = [(row.payload as RecoveryPayload).to];
  else if (row.stopped) wanted = [];
  else if (row.notify === null) {
    const legacy = available.email ? emailTarget(row.email) : null;
    return legacy ? [{ channel: 'email', target: legacy }] : [];
  } else wanted = row.notify.filter((c): c is Channel => c === 'email' || c === 'phone');
  return wanted.flatMap((channel) => {
    const target = contact[channel];
    return available[channel] && target ? [{ channel, target }] : [];
  });
}

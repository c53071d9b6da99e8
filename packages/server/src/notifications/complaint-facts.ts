import { iso } from '../applications/present.js';
import { formatCode } from '../applications/secrets.js';
import type { ComplaintPayload, ComplaintTopic } from '../complaints/events.js';
import { complaintById, formatComplaintCode } from '../complaints/present.js';
import type { Queryable } from '../db/index.js';
import { formatBookingCode } from '../visits/present.js';
import type { ClaimedComplaint } from './deliveries.js';
import { trackerLink } from './email-message.js';
import { targetsOf } from './targets.js';

// What a message about a complaint says, for every channel (the e-mail of complaint-message.ts and
// the webhook payload): the complaint as the event left it, never its secret, never the citizen's
// own description (the agency's systems read it through the officer API).

/** A webhook's `data` for a complaint event (docs/notifications.md, "Complaints"). */
export interface ComplaintEventData {
  /** `ADU-XXXX-XXXX`. */
  code: string;
  status: ComplaintPayload['status'];
  /** One of the nine SKM unsur, or `other` (docs/complaints.md). */
  category: string;
  about: {
    kind: 'application' | 'visit' | 'service';
    service: { id: string; name: string };
    /** The tracking code of the application complained about, if any. */
    application: string | null;
    /** The booking code of the visit complained about, if any. */
    visit: string | null;
  };
  /** The response date (Jakarta) and the working days it was counted with. */
  due: { date: string | null; working_days: number };
  /** On `complaint.answered`: what the agency answered then, and when. */
  answer: { text: string; at: string } | null;
  region: string;
  agency: string;
  lang: 'id' | 'en';
  /** The complaint's page on the region's site (LOKET_COMPLAINT_URL), null when none is set. */
  tracker_url: string | null;
  /** The contacts of the channels ticked for news; null once the citizen stopped messages. */
  contact: { email: string | null; phone: string | null } | null;
}

export interface ComplaintFacts {
  topic: ComplaintTopic;
  lang: 'id' | 'en';
  /** The agency's name in the citizen's language (for the e-mail). */
  agencyName: string;
  data: ComplaintEventData;
}

/** The facts of one complaint event from the complaint as stored and the event's payload. */
export async function complaintFacts(
  db: Queryable,
  delivery: Pick<ClaimedComplaint, 'complaint_id' | 'topic' | 'payload' | 'lang' | 'stopped' | 'event_at'>,
  options: { complaintUrl?: string | undefined },
): Promise<ComplaintFacts> {
  const { lang, payload } = delivery;
  const row = await complaintById(db, delivery.complaint_id);
  const en = lang === 'en';
  const code = formatComplaintCode(row.code);
  // The answer the event was written with (events before it was kept: the complaint's own).
  const answerText = delivery.topic === 'complaint.answered' ? (payload.answer ?? row.answer ?? null) : null;
  const chosen = targetsOf(
    {
      id: '',
      topic: delivery.topic,
      payload,
      email: null,
      notify: row.notify,
      contact_email: row.contact_email,
      contact_phone: row.contact_phone,
      stopped: delivery.stopped,
    },
    { email: true, phone: true },
  );
  const contactOf = (channel: 'email' | 'phone') => chosen.find((t) => t.channel === channel)?.target ?? null;
  return {
    topic: delivery.topic,
    lang,
    agencyName: en ? row.agency_name_en : row.agency_name_id,
    data: {
      code,
      status: payload.status,
      category: row.category,
      about: {
        kind: row.kind,
        service: { id: row.service_id, name: en ? row.service_name_en : row.service_name_id },
        application: row.application_code ? formatCode(row.application_code) : null,
        visit: row.visit_code ? formatBookingCode(row.visit_code) : null,
      },
      due: {
        date: row.due_date === null ? null : String(row.due_date).slice(0, 10),
        working_days: row.due_working_days,
      },
      answer: answerText === null ? null : { text: answerText, at: iso(delivery.event_at) },
      region: row.region_code,
      agency: row.agency_id,
      lang,
      tracker_url: trackerLink(options.complaintUrl, code, row.region_code),
      contact: delivery.stopped ? null : { email: contactOf('email'), phone: contactOf('phone') },
    },
  };
}

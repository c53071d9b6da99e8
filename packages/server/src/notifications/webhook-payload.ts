import { iso } from '../applications/present.js';
import { formatCode } from '../applications/secrets.js';
import type { Queryable } from '../db/index.js';
import { newSurveyLinkUrl } from '../survey/links.js';
import { type ComplaintEventData, complaintFacts } from './complaint-facts.js';
import type { AnyClaimed, Claimed } from './deliveries.js';
import { trackerLink } from './email-message.js';
import { eventNames } from './mail.js';
import { type EventPayload, SURVEY_INVITATION } from './outbox.js';
import { targetsOf } from './targets.js';
import { type VisitEventData, visitFacts } from './visit-facts.js';

// The JSON body of a webhook (Standard Webhooks: `type`, `timestamp`, `data`). For an application
// event, what a region's SMS or WhatsApp gateway or its back office needs to tell the citizen or
// file the news: never the secret, never the answers — only the contact the citizen gave for
// news, and not even that once they stopped messages (docs/notifications.md). A visit event's
// data is the booking as the event left it (visit-facts.ts), a complaint event's the complaint
// with the agency's answer (complaint-facts.ts).

export interface ApplicationEventData {
  code: string;
  service: { id: string; name: string };
  status: string;
  previous_status: string;
  public_note: string | null;
  /** For `needs_revision`: the fields to fix, with their labels in `lang`. */
  fields: { id: string; label: string }[];
  /** On `completed`: the officer attached a result document (the citizen downloads it with the secret). */
  result_document: boolean;
  region: string;
  agency: string;
  lang: 'id' | 'en';
  tracker_url: string | null;
  /** Where the citizen asked to hear back; null once they stopped messages. */
  contact: { email: string | null; phone: string | null } | null;
  /** `survey.invitation` only: the survey page with a one-time token (null without LOKET_SURVEY_URL). */
  survey_url?: string | null;
}

export interface WebhookBody {
  type: string;
  timestamp: string;
  data: ApplicationEventData | VisitEventData | ComplaintEventData | { endpoint_id: string; message: string };
}

/**
 * The contacts the citizen chose for news about this application, for a gateway that sends them
 * (the same rule as targetsOf: an application that never chose passes its e-mail answer; one that
 * chose passes only the chosen channels' contacts; none once the citizen stopped messages).
 */
function contactOf(delivery: Claimed): ApplicationEventData['contact'] {
  if (delivery.stopped) return null;
  const chosen = { email: true, phone: true };
  const targets = targetsOf({ ...delivery, id: delivery.event_id, payload: delivery.payload }, chosen);
  const of = (channel: 'email' | 'phone') => targets.find((t) => t.channel === channel)?.target ?? null;
  return { email: of('email'), phone: of('phone') };
}

export async function webhookBody(
  db: Queryable,
  delivery: AnyClaimed,
  options: {
    trackerUrl: string | undefined;
    bookingUrl: string | undefined;
    complaintUrl?: string | undefined;
    surveyUrl?: string | undefined;
    now?: Date;
  },
): Promise<WebhookBody> {
  const timestamp = iso(delivery.event_at);
  if (delivery.ticket_id !== null) {
    return { type: delivery.topic, timestamp, data: (await visitFacts(db, delivery, options)).data };
  }
  if (delivery.complaint_id !== null) {
    return { type: delivery.topic, timestamp, data: (await complaintFacts(db, delivery, options)).data };
  }
  if (delivery.application_id === null) {
    const message = 'A test event from Loket: this endpoint receives signed webhooks.';
    return { type: delivery.topic, timestamp, data: { endpoint_id: delivery.payload.endpoint_id, message } };
  }
  const { lang } = delivery;
  // Webhooks get status changes only (fan-out never sends them a recovery link).
  const payload = delivery.payload as EventPayload;
  const names = await eventNames(db, delivery);
  const code = formatCode(delivery.code);
  return {
    type: delivery.topic,
    timestamp,
    data: {
      code,
      service: { id: delivery.service_id, name: names.service },
      status: payload.status,
      previous_status: payload.from,
      public_note: payload.public_note,
      fields: names.fields,
      result_document: payload.document === true,
      region: delivery.region_code,
      agency: delivery.agency_id,
      lang,
      tracker_url: trackerLink(options.trackerUrl, code, delivery.region_code),
      contact: contactOf(delivery),
      ...(delivery.topic === SURVEY_INVITATION && {
        survey_url: await newSurveyLinkUrl(
          db,
          options.surveyUrl,
          { application: delivery.application_id },
          delivery.region_code,
          options.now ?? new Date(),
        ),
      }),
    },
  };
}

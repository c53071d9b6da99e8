import type { components } from '@loket/sdk/contract';
import { iso } from '../applications/present.js';
import { formatCode } from '../applications/secrets.js';
import { findRegion, scopeOf } from '../catalogue/regions.js';
import { findService } from '../catalogue/services.js';
import type { Queryable } from '../db/index.js';
import { newSurveyLinkUrl } from '../survey/links.js';
import type { VisitPayload, VisitTopic } from '../visits/events.js';
import { ticketById } from '../visits/places.js';
import { contextOf, presentVisit } from '../visits/present.js';
import { instantOf, type Zone } from '../visits/time.js';
import type { ClaimedVisit } from './deliveries.js';
import { trackerLink } from './email-message.js';
import { SURVEY_INVITATION } from './outbox.js';

// What a message about a booked visit says, for every channel (the e-mail of visit-message.ts and
// the webhook payload): the booking as the event left it, never its secret.

/** A webhook's `data` for a visit event: the contract's Visit, and what a gateway needs besides. */
export interface VisitEventData extends Omit<components['schemas']['Visit'], 'ticket'> {
  ticket: { number: string };
  /** Why the office cancelled it (a counter closed for the day); null otherwise. */
  reason: string | null;
  /** What to bring to the counter, from the catalogue in the location's region (empty: not known). */
  bring: string[];
  region: string;
  agency: string;
  lang: 'id' | 'en';
  /** The booking's page on the region's site (LOKET_BOOKING_URL), null when none is set. */
  manage_url: string | null;
  /** The tracking code of the application this visit is for, if linked. */
  application: string | null;
  /** The contacts given when booking; null once the citizen stopped e-mails about it. */
  contact: { email: string | null; phone: string | null } | null;
  /** `survey.invitation` only: the survey page with a one-time token (null without LOKET_SURVEY_URL). */
  survey_url?: string | null;
}

export interface VisitFacts {
  topic: VisitTopic;
  lang: 'id' | 'en';
  /** WIB, WITA or WIT. */
  zone: string;
  data: VisitEventData;
}

const zoneNames: Record<Zone, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** The facts of one visit event from its booking, its location, counter and service. */
export async function visitFacts(
  db: Queryable,
  delivery: Pick<ClaimedVisit, 'ticket_id' | 'topic' | 'payload' | 'lang' | 'stopped'>,
  options: { bookingUrl: string | undefined; surveyUrl?: string | undefined; now?: Date },
): Promise<VisitFacts> {
  const { lang, payload } = delivery;
  const ticket = await ticketById(db, delivery.ticket_id);
  const context = await contextOf(db, ticket, lang);
  const [place] = await db.query<{ region_code: string; email: string | null; phone: string | null }>(
    `select l.region_code, t.email, t.phone from visit_ticket t join location l on l.id = t.location_id
     where t.id = $1`,
    [ticket.id],
  );
  const region = place?.region_code ?? '';
  const regionRow = await findRegion(db, region);
  const service = regionRow ? await findService(db, ticket.service_id, scopeOf(regionRow)) : null;
  const [app] = ticket.application_id
    ? await db.query<{ code: string }>('select code from application where id = $1', [ticket.application_id])
    : [];
  const visit = presentVisit(ticket, context);
  const time = (payload as VisitPayload).time ?? visit.time;
  return {
    topic: delivery.topic,
    lang,
    zone: zoneNames[context.location.timezone],
    data: {
      ...visit,
      // The day and time as the event left them (a later move is its own event).
      status: payload.status,
      date: payload.date,
      time,
      starts_at: iso(instantOf(payload.date, time, context.location.timezone)),
      ticket: { number: visit.ticket.number },
      reason: payload.reason,
      bring: service?.requirements.map((r) => r[lang]) ?? [],
      region,
      agency: context.counter.agency_id,
      lang,
      manage_url: trackerLink(options.bookingUrl, visit.code, region),
      application: app ? formatCode(app.code) : null,
      contact: delivery.stopped ? null : { email: place?.email ?? null, phone: place?.phone ?? null },
      ...(delivery.topic === SURVEY_INVITATION && {
        survey_url: await newSurveyLinkUrl(
          db,
          options.surveyUrl,
          { ticket: ticket.id },
          region,
          options.now ?? new Date(),
        ),
      }),
    },
  };
}

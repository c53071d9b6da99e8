import type { Queryable } from '../db/index.js';
import { say } from '../messages/index.js';
import type { BookingTopic } from '../visits/events.js';
import type { ClaimedVisit } from './deliveries.js';
import { type Block, type Composed, composed, stopHeaders } from './email-message.js';
import { SURVEY_INVITATION } from './outbox.js';
import type { Mail } from './smtp.js';
import { newStopUrl } from './stop.js';
import { composeSurveyInvitation } from './survey-invitation.js';
import { type VisitFacts, visitFacts } from './visit-facts.js';

/**
 * The e-mail about a booked visit, in the language the citizen booked in: what happened, the code,
 * queue number, place, counter, day and time in the location's zone (WIB, WITA or WIT), what to
 * bring when the catalogue knows it, the office's reason for a cancellation, the booking's page on
 * the region's site, and a stop link for this booking. Never the secret.
 */
export function composeVisitEmail(facts: VisitFacts & { topic: BookingTopic }, stopUrl: string): Composed {
  const { lang, topic, data } = facts;
  const when = say('visitMail.when', data.date, data.time, facts.zone)(lang);
  const place = [data.location.name, data.location.address].filter(Boolean).join(', ');
  const cancelled = topic === 'visit.cancelled';
  const blocks: Block[] = [{ text: say(`visitMail.what.${topic}`, data.service.name)(lang) }];
  if (cancelled && data.reason) blocks.push({ heading: say('visitMail.reason')(lang), items: [data.reason] });
  blocks.push({
    heading: say('visitMail.details')(lang),
    items: [
      say('visitMail.code', data.code)(lang),
      ...(cancelled ? [] : [say('visitMail.number', data.ticket.number)(lang)]),
      say('visitMail.place', place)(lang),
      say('visitMail.counter', data.counter.label, data.counter.agency_name)(lang),
      say('visitMail.time', when)(lang),
    ],
  });
  if (!cancelled && data.bring.length > 0)
    blocks.push({ heading: say('visitMail.bring')(lang), items: data.bring });
  blocks.push({
    heading: say('visitMail.next')(lang),
    items: [say(cancelled ? 'visitMail.again' : 'visitMail.come')(lang)],
  });
  blocks.push(
    data.manage_url
      ? { link: data.manage_url, label: say('visitMail.manage')(lang) }
      : { text: say('visitMail.manageNoLink')(lang) },
  );
  blocks.push({ text: say('mail.neverSecret')(lang) }, { link: stopUrl, label: say('visitMail.stop')(lang) });
  const subject = say(`visitMail.subject.${topic}`, data.code, when)(lang);
  return composed(lang, subject, blocks);
}

/** The e-mail of one claimed visit delivery, with a fresh stop token for its booking. */
export async function buildVisitMail(
  db: Queryable,
  delivery: ClaimedVisit,
  options: {
    apiUrl: string;
    bookingUrl: string | undefined;
    surveyUrl?: string | undefined;
    domain: string;
    now: Date;
  },
): Promise<Mail> {
  const facts = await visitFacts(db, delivery, options);
  const stopUrl = await newStopUrl(db, { ticket: delivery.ticket_id }, options.apiUrl, options.now);
  const { lang, data } = facts;
  const composed =
    facts.topic === SURVEY_INVITATION
      ? composeSurveyInvitation({
          lang,
          subject: say('mail.survey.visitSubject', data.code)(lang),
          ask: say('mail.survey.visitAsk', data.service.name)(lang),
          surveyLink: data.survey_url ?? null,
          page: { link: data.manage_url, label: say('mail.survey.visitLink')(lang) },
          stopUrl,
        })
      : composeVisitEmail({ ...facts, topic: facts.topic }, stopUrl);
  return {
    to: delivery.target,
    ...composed,
    messageId: `<${delivery.id}@${options.domain}>`,
    headers: stopHeaders(stopUrl),
  };
}

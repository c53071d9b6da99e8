import { loadForm } from '../applications/forms.js';
import { newRecoveryToken } from '../applications/recovery.js';
import { formatCode } from '../applications/secrets.js';
import type { Queryable } from '../db/index.js';
import { say } from '../messages/index.js';
import { newSurveyLinkUrl } from '../survey/links.js';
import type { Claimed } from './deliveries.js';
import { type Composed, composeEmail, stopHeaders, trackerLink } from './email-message.js';
import { SURVEY_INVITATION } from './outbox.js';
import { composeRecoveryEmail, recoveryLink } from './recovery-message.js';
import { type Mail, PermanentFailure } from './smtp.js';
import { newStopUrl } from './stop.js';
import { composeSurveyInvitation } from './survey-invitation.js';

/**
 * The names an event is told with, in the citizen's language: its service's, and the labels of
 * the fields to fix (by id when the form no longer has one). E-mails and webhooks both use them.
 */
export async function eventNames(
  db: Queryable,
  delivery: Pick<Claimed, 'lang' | 'payload' | 'service_id'>,
): Promise<{ service: string; fields: { id: string; label: string }[] }> {
  const { lang, payload } = delivery;
  const [service] = await db.query<{ name_id: string; name_en: string }>(
    'select name_id, name_en from service where id = $1',
    [delivery.service_id],
  );
  const asked = 'fields' in payload ? payload.fields : []; // a recovery link names no fields
  const form = asked.length > 0 ? await loadForm(db, delivery.service_id) : null;
  const labels = new Map(form?.steps.flatMap((s) => s.fields.map((f) => [f.id, f.label[lang]] as const)));
  return {
    service: (lang === 'en' ? service?.name_en : service?.name_id) ?? delivery.service_id,
    fields: asked.map((id) => ({ id, label: labels.get(id) ?? id })),
  };
}

/**
 * The e-mail of one claimed delivery: facts from the event and the application (its service's
 * name, the labels of the fields to fix), a fresh stop token, and the headers that make it
 * recognisable (Message-ID from the delivery id) and stoppable in one click (RFC 8058).
 */
export async function buildMail(
  db: Queryable,
  delivery: Claimed,
  options: {
    apiUrl: string;
    trackerUrl: string | undefined;
    surveyUrl?: string | undefined;
    domain: string;
    now: Date;
  },
): Promise<Mail> {
  const { lang, payload } = delivery;
  const { service, fields } = await eventNames(db, delivery);
  const code = formatCode(delivery.code);
  const tracker = trackerLink(options.trackerUrl, code, delivery.region_code);
  const stopUrl = await newStopUrl(db, delivery.application_id, options.apiUrl, options.now);
  let composed: Composed;
  if ('to' in payload) {
    // A recovery link needs the tracker page to open: without one there is nothing to send.
    if (!tracker) throw new PermanentFailure('a recovery link needs LOKET_TRACKER_URL');
    const recovery = await newRecoveryToken(db, delivery.application_id, options.now);
    const link = recoveryLink(tracker, recovery);
    composed = composeRecoveryEmail({ lang, code, service, link, stopUrl });
  } else if (delivery.topic === SURVEY_INVITATION) {
    const about = { application: delivery.application_id };
    composed = composeSurveyInvitation({
      lang,
      subject: say('mail.survey.subject', code)(lang),
      ask: say('mail.survey.ask', service)(lang),
      surveyLink: await newSurveyLinkUrl(db, options.surveyUrl, about, delivery.region_code, options.now),
      page: { link: tracker, label: say('mail.survey.link')(lang) },
      stopUrl,
    });
  } else {
    composed = composeEmail({
      lang,
      code,
      service,
      payload,
      fieldLabels: fields.map((f) => f.label),
      trackerUrl: tracker,
      stopUrl,
    });
  }
  return {
    to: delivery.target,
    ...composed,
    messageId: `<${delivery.id}@${options.domain}>`,
    headers: stopHeaders(stopUrl),
  };
}

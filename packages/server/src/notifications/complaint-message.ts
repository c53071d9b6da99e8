import type { Queryable } from '../db/index.js';
import { say } from '../messages/index.js';
import { type ComplaintFacts, complaintFacts } from './complaint-facts.js';
import type { ClaimedComplaint } from './deliveries.js';
import { type Block, type Composed, composed, stopHeaders } from './email-message.js';
import type { Mail } from './smtp.js';
import { newStopUrl } from './stop.js';

/**
 * The e-mail about a complaint, in the language it was filed in: what happened (received, or
 * answered with the agency's answer), the complaint's code and what it is about, the response
 * date, what happens next, the complaint's page on the region's site, and a stop link for this
 * complaint. Never the secret.
 */
export function composeComplaintEmail(facts: ComplaintFacts, stopUrl: string): Composed {
  const { lang, topic, data } = facts;
  const answered = topic === 'complaint.answered';
  const blocks: Block[] = [
    { text: say(`complaintMail.what.${topic}`, data.about.service.name, facts.agencyName)(lang) },
  ];
  if (answered && data.answer)
    blocks.push({ heading: say('complaintMail.answer')(lang), items: [data.answer.text] });
  blocks.push({
    heading: say('complaintMail.details')(lang),
    items: [
      say('complaintMail.code', data.code)(lang),
      ...(data.about.application ? [say('complaintMail.application', data.about.application)(lang)] : []),
      ...(data.about.visit ? [say('complaintMail.visit', data.about.visit)(lang)] : []),
      ...(!answered && data.due.date ? [say('complaintMail.due', data.due.date)(lang)] : []),
    ],
  });
  blocks.push({
    heading: say('complaintMail.next')(lang),
    items: [say(answered ? 'complaintMail.after' : 'complaintMail.wait')(lang)],
  });
  blocks.push(
    data.tracker_url
      ? { link: data.tracker_url, label: say('complaintMail.view')(lang) }
      : { text: say('complaintMail.viewNoLink')(lang) },
  );
  blocks.push(
    { text: say('mail.neverSecret')(lang) },
    { link: stopUrl, label: say('complaintMail.stop')(lang) },
  );
  const subject = say(`complaintMail.subject.${topic}`, data.code)(lang);
  return composed(lang, subject, blocks);
}

/** The e-mail of one claimed complaint delivery, with a fresh stop token for its complaint. */
export async function buildComplaintMail(
  db: Queryable,
  delivery: ClaimedComplaint,
  options: { apiUrl: string; complaintUrl?: string | undefined; domain: string; now: Date },
): Promise<Mail> {
  const facts = await complaintFacts(db, delivery, options);
  const stopUrl = await newStopUrl(db, { complaint: delivery.complaint_id }, options.apiUrl, options.now);
  return {
    to: delivery.target,
    ...composeComplaintEmail(facts, stopUrl),
    messageId: `<${delivery.id}@${options.domain}>`,
    headers: stopHeaders(stopUrl),
  };
}

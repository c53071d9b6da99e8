import { type Lang, say } from '../messages/index.js';
import { SURVEY_LINK_DAYS } from '../survey/links.js';
import { type Block, type Composed, composed } from './email-message.js';

/** What a survey invitation says, about an application or a visit. */
export interface InvitationFacts {
  lang: Lang;
  subject: string;
  /** What was decided or served, and what the survey is. */
  ask: string;
  /** The survey page with a one-time token (LOKET_SURVEY_URL), when one is configured. */
  surveyLink: string | null;
  /** Otherwise the tracker's or the booking's page (where the secret opens the survey), if set. */
  page: { link: string | null; label: string };
  stopUrl: string;
}

/**
 * The invitation to the satisfaction survey (event `survey.invitation`, written with an
 * application's decision or when a booked visit was served): what it is, that it is anonymous,
 * where to answer it (the one-time link, which needs no secret; without a survey page, the
 * tracker's or the booking's page, which asks for it), and the stop link. Never the secret.
 */
export function composeSurveyInvitation(f: InvitationFacts): Composed {
  const { lang } = f;
  const where: Block = f.surveyLink
    ? { link: f.surveyLink, label: say('mail.survey.once', SURVEY_LINK_DAYS)(lang) }
    : f.page.link
      ? { link: f.page.link, label: f.page.label }
      : { text: say('mail.trackNoLink')(lang) };
  const blocks: Block[] = [
    { text: f.ask },
    where,
    { text: say('mail.neverSecret')(lang) },
    { link: f.stopUrl, label: say('mail.stop')(lang) },
  ];
  return composed(lang, f.subject, blocks);
}

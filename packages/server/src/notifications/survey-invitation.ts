import { say } from '../messages/index.js';
import { type Block, type Composed, composed, type MessageFacts } from './email-message.js';

/**
 * The invitation to the satisfaction survey (event `survey.invitation`, written with a decision):
 * what it is, that it is anonymous, where to answer it (the tracker, which offers the survey once
 * the application is decided), and the same stop link as every message about the application.
 */
export function composeSurveyInvitation(f: MessageFacts): Composed {
  const { lang } = f;
  const blocks: Block[] = [
    { text: say('mail.survey.ask', f.service)(lang) },
    f.trackerUrl
      ? { link: f.trackerUrl, label: say('mail.survey.link')(lang) }
      : { text: say('mail.trackNoLink')(lang) },
    { text: say('mail.neverSecret')(lang) },
    { link: f.stopUrl, label: say('mail.stop')(lang) },
  ];
  const subject = say('mail.survey.subject', f.code)(lang);
  return composed(lang, subject, blocks);
}

import { say } from '../messages/index.js';
import { asHtml, asText, type Block, type Composed, escapeHtml, type MessageFacts } from './email-message.js';

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
  return {
    subject,
    text: `${blocks.map(asText).join('\n\n')}\n`,
    html: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>${blocks.map(asHtml).join('')}</body></html>`,
  };
}

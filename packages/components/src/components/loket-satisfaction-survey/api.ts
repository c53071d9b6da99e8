import {
  answerApplicationSurvey,
  answerBookingSurvey,
  answerKioskSurvey,
  answerSurveyLink,
  getApplicationSurvey,
  getBookingSurvey,
  getSurveyLink,
  type LoketCore,
  type SurveyAnswer,
  type SurveyReceipt,
} from '@loket/sdk';

// Which survey a key opens, and the API's operations for it: an application's (its `LKT-…` code
// and secret), a booked visit's (its `ANT-…` code and secret), or an invitation's one-time link
// (its token alone: no secret); and a kiosk's answers. Loaded with the first request, not in the
// component's first load (scripts/bench-size.mjs).

/** A kiosk's token, and the service it stands at (if one). */
export interface KioskKey {
  kiosk: string;
  service?: string | undefined;
}

export type SurveyKey = { code: string; secret: string } | { token: string };

export type About = 'application' | 'visit';

/** A booking's code (`ANT-XXXX-XXXX`, 8 characters bare), not an application's (12). */
export function aboutOf(code: string): About {
  const bare = code.replace(/[^0-9a-z]/gi, '');
  return bare.length === 8 || (bare.length === 11 && /^ant/i.test(bare)) ? 'visit' : 'application';
}

/** The survey's state, what it rates, and (for a link) the service's name. */
export async function surveyStateOf(
  core: LoketCore,
  key: SurveyKey,
  signal: AbortSignal,
): Promise<{ state: 'open' | 'answered' | 'not_yet'; about: About; service: string | null }> {
  if ('token' in key) {
    const link = await getSurveyLink(core, key.token, { signal });
    return { state: link.state, about: link.about, service: link.service.name };
  }
  const about = aboutOf(key.code);
  const get = about === 'visit' ? getBookingSurvey : getApplicationSurvey;
  const { state } = await get(core, key.code, key.secret, { signal });
  return { state, about, service: null };
}

/** Sends the answers once, the way the key opens the survey (or a kiosk takes them). */
export function sendSurvey(
  core: LoketCore,
  key: SurveyKey | KioskKey,
  answer: SurveyAnswer,
  signal: AbortSignal,
): Promise<SurveyReceipt> {
  if ('kiosk' in key)
    return answerKioskSurvey(core, key.kiosk, { ...answer, service: key.service }, { signal });
  if ('token' in key) return answerSurveyLink(core, key.token, answer, { signal });
  const send = aboutOf(key.code) === 'visit' ? answerBookingSurvey : answerApplicationSurvey;
  return send(core, key.code, key.secret, answer, { signal });
}

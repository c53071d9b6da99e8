import type { SurveyProfile } from '@loket/sdk';

type Options<K extends keyof SurveyProfile> = Record<NonNullable<SurveyProfile[K]>, string>;

/** One question of the respondent's profile: its label and its answers (the contract's values). */
interface ProfileQuestion<K extends keyof SurveyProfile> {
  label: string;
  options: Options<K>;
}

/**
 * Every string of <loket-satisfaction-survey> except the nine unsur and their answers, which come
 * from `@loket/sdk/rules` (SKM_UNSUR: the regulation's words, in both languages).
 */
export interface SurveyMessages {
  heading: string;
  /** The kiosk's heading (a tablet at the MPP's exit). */
  kioskHeading: string;
  /** What the survey is and what becomes of the answers. */
  intro: string;
  start: string;
  loading: string;
  /** Above the nine questions. */
  questionsHint: string;
  /** A question's legend: `{no}`, `{name}`. */
  question: string;
  profile: {
    legend: string;
    hint: string;
    /** The empty choice of each list. */
    none: string;
    age_band: ProfileQuestion<'age_band'>;
    sex: ProfileQuestion<'sex'>;
    education: ProfileQuestion<'education'>;
    occupation: ProfileQuestion<'occupation'>;
  };
  suggestion: string;
  suggestionHint: string;
  send: string;
  sending: string;
  errorTitle: string;
  errorPrefix: string;
  /** A question left unanswered: `{name}`. */
  missing: string;
  done: string;
  doneBody: string;
  /** Kiosk: the next person's start, and when it comes by itself. */
  next: string;
  nextSoon: string;
  answered: string;
  /** A visit's survey was answered. */
  answeredVisit: string;
  /** A one-time link used a second time: its survey was answered. */
  linkUsed: string;
  /** What an invitation's link rates: `{service}`. */
  about: { application: string; visit: string };
  notYet: string;
  /** Neither a code and secret, nor a link, nor a kiosk. */
  noKey: string;
  /** What went wrong: the state or the answer. */
  problems: {
    /** No answer from the API: the answers stay, send again. */
    network: string;
    /** The code or secret does not match (a link from before a new secret). */
    link: string;
    /** An invitation's one-time link is unknown or expired. */
    expired: string;
    /** The kiosk's token is unknown or revoked. */
    kiosk: string;
    /** Too many answers from this device or address; the server's detail follows. */
    limited: string;
    /** The site is not allowed to send answers. */
    origin: string;
    /** Anything else. */
    other: string;
  };
  retry: string;
}

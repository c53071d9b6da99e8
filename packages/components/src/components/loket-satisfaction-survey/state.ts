import type { SurveyAnswer, SurveyProfile } from '@loket/sdk';
import { isLoketApiError } from '@loket/sdk';
import { SKM_UNSUR, type SkmScore } from '@loket/sdk/rules';
import type { Locale } from '../../i18n';
import type { About } from './api';
import type { SurveyMessages } from './messages';

// What <loket-satisfaction-survey> shows, as one object (the component's one @State), and the
// plain functions that read and change it: what an answer sends, and what a failed request means.

export type Phase =
  | 'loading'
  | 'intro'
  | 'form'
  | 'sending'
  | 'done'
  | 'answered'
  | 'not_yet'
  | 'no_key'
  | 'failed';

export type ProblemKind = keyof SurveyMessages['problems'];

export interface SurveyView {
  locale: Locale;
  phase: Phase;
  /** The nine scores in the regulation's order; 0 while a question is unanswered. */
  scores: (SkmScore | 0)[];
  profile: SurveyProfile;
  suggestion: string;
  /** After a try to send: the numbers of the unsur left unanswered. */
  missing: number[];
  /** Why the state could not be loaded or the answers not taken (the server's detail, if any). */
  problem: { kind: ProblemKind; detail?: string | undefined } | null;
  /** Said in the polite live region. */
  announcement: string;
  /** What the survey rates (an application or a visit), once known. */
  about: About;
  /** The service an invitation's link rates (its name), or null. */
  service: string | null;
  /** Opened by an invitation's one-time link (no secret). */
  linked: boolean;
}

export const PROFILE_KEYS = ['age_band', 'sex', 'education', 'occupation'] as const;

/** An empty survey: nothing answered (what it rates, `of`, stays). */
export const blank = (
  locale: Locale,
  phase: Phase,
  of: Pick<SurveyView, 'about' | 'service' | 'linked'> = {
    about: 'application',
    service: null,
    linked: false,
  },
): SurveyView => ({
  ...of,
  locale,
  phase,
  scores: SKM_UNSUR.map(() => 0),
  profile: {},
  suggestion: '',
  missing: [],
  problem: null,
  announcement: '',
});

/** The unsur not answered yet (their numbers). */
export const unanswered = (view: SurveyView): number[] =>
  SKM_UNSUR.filter((_, i) => !view.scores[i]).map((u) => u.no);

/** The body the API takes: the nine scores, the profile's chosen parts, the suggestion if any. */
export function answerOf(view: SurveyView): SurveyAnswer {
  const profile = Object.fromEntries(
    PROFILE_KEYS.filter((k) => view.profile[k]).map((k) => [k, view.profile[k]]),
  ) as SurveyProfile;
  const suggestion = view.suggestion.trim();
  return {
    scores: view.scores as SkmScore[],
    ...(Object.keys(profile).length > 0 && { profile }),
    ...(suggestion && { suggestion }),
  };
}

/**
 * What a failed request means for the survey: answered already or not open yet (the server's
 * 409s, a state of their own), or a problem to show (an invitation's `linked` link that no longer
 * opens: expired). Whatever it is, what was typed stays.
 */
export function outcomeOf(
  error: unknown,
  linked = false,
): Pick<SurveyView, 'phase'> | { problem: SurveyView['problem'] } {
  if (!isLoketApiError(error)) return { problem: { kind: 'network' } };
  if (error.type.endsWith(':survey-answered')) return { phase: 'answered' };
  if (error.type.endsWith(':survey-not-open')) return { phase: 'not_yet' };
  const kind: ProblemKind =
    error.status === 0 || error.status === 408 || error.status >= 500
      ? 'network'
      : error.status === 404
        ? linked
          ? 'expired'
          : 'link'
        : error.status === 401
          ? 'kiosk'
          : error.status === 429
            ? 'limited'
            : error.status === 403
              ? 'origin'
              : 'other';
  return { problem: { kind, detail: kind === 'limited' ? error.detail : undefined } };
}

/** An application's answers in progress, kept in this tab (never a kiosk's: the next person's page). */
const draftKey = (code: string) => `loket:survey:${code.toUpperCase()}`;

export function saveDraft(code: string, view: SurveyView): void {
  try {
    const { scores, profile, suggestion } = view;
    sessionStorage.setItem(draftKey(code), JSON.stringify({ scores, profile, suggestion }));
  } catch {
    // Storage full or refused: the answers stay on the page.
  }
}

export function readDraft(code: string): Pick<SurveyView, 'scores' | 'profile' | 'suggestion'> | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(draftKey(code)) ?? 'null');
    const ok =
      Array.isArray(saved?.scores) &&
      saved.scores.length === SKM_UNSUR.length &&
      saved.scores.every((s: unknown) => s === 0 || s === 1 || s === 2 || s === 3 || s === 4);
    return ok
      ? { scores: saved.scores, profile: saved.profile ?? {}, suggestion: String(saved.suggestion ?? '') }
      : null;
  } catch {
    return null;
  }
}

export function dropDraft(code: string): void {
  try {
    sessionStorage.removeItem(draftKey(code));
  } catch {
    // Nothing kept.
  }
}

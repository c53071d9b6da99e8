import { validateAnswers } from '@loket/sdk/forms';
import { answerPointer } from '@loket/sdk/rules';
import { type Lang, say } from '../messages/index.js';
import { type FieldError, ProblemError } from '../problem.js';
import { unstorable as unstorableText } from '../text.js';
import { jakartaDate } from './calendar.js';
import type { StoredForm } from './forms.js';

/**
 * Strings the database cannot store in jsonb (NUL, lone UTF-16 surrogates): refused as invalid
 * answers instead of failing the insert. The contract lets them through (they are valid JSON).
 */
function unstorable(answers: Readonly<Record<string, unknown>>, lang: Lang): FieldError[] {
  const bad = (value: unknown): boolean =>
    typeof value === 'string' ? unstorableText(value) : Array.isArray(value) ? value.some(bad) : false;
  return Object.entries(answers)
    .filter(([key, value]) => bad(key) || bad(value))
    .map(([key]) => ({ pointer: answerPointer(key), detail: say('unstorableText')(lang) }));
}

export interface CheckOptions {
  lang: Lang;
  mode: 'draft' | 'submit';
  now: Date;
  attachments?: { id: string; field: string; content_type: string; size: number; sha256?: string }[];
  /** SHA-256 of the files an officer asked to replace (a resubmission), by field. */
  rejected?: Record<string, string[]>;
}

/**
 * The shared validator of `@loket/sdk/forms` (the same one browsers run) on the answers; any
 * problem is a 422 `invalid-answers` with one `{ pointer: '/answers/<field>', detail }` each.
 */
export function checkAnswers(
  form: StoredForm,
  answers: Record<string, unknown>,
  options: CheckOptions,
): void {
  const storage = unstorable(answers, options.lang);
  const problems: FieldError[] = storage.length
    ? storage
    : validateAnswers(form, answers, {
        lang: options.lang,
        mode: options.mode,
        today: jakartaDate(options.now),
        ...(options.attachments ? { attachments: options.attachments } : {}),
        ...(options.rejected ? { rejected: options.rejected } : {}),
      }).map((p) => ({ pointer: p.pointer, detail: p.message }));
  if (problems.length === 0) return;
  throw new ProblemError('invalid-answers', 422, say('answersInvalid', problems.length), () => problems);
}

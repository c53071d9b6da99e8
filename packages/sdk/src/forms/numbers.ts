// Numbers people copy from cards: a NIK or KK number in groups of four (`3578 0612 0315 0007`,
// `3578.0612…`, `3578-0612…`), a phone number in any grouping. Normalized here, once, for the
// validator (which checks the normalized value), the server (which stores it) and the
// components (which send it), so none of them can disagree about what was typed.
import { answerOf, isRecord } from './answers.js';
import { normalizePhone } from './phone.js';
import type { AnswersInput, FormField, FormLike } from './types.js';

/** Spaces, dots and dashes people type between digit groups. */
const separators = /[\s.-]/g;

/**
 * `value` without the separators between its digit groups, when digits and separators are all it
 * has; otherwise trimmed and unchanged (so `3374 01x` is still refused as "only digits").
 */
export function compactDigits(value: string): string {
  const compact = value.replace(separators, '');
  return /^\d*$/.test(compact) ? compact : value.trim();
}

/**
 * The answer as it is stored: a `nik` or `kk` without separators, a `phone` in E.164 form
 * (`+6281234567890`) once it is a valid number; anything else (and any half-typed or wrong
 * value the validator will refuse) unchanged.
 */
export function normalizeAnswer(field: Pick<FormField, 'type'>, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  switch (field.type) {
    case 'nik':
    case 'kk':
      return compactDigits(value);
    case 'phone':
      return normalizePhone(value) ?? value;
    default:
      return value;
  }
}

/** The answers with every `nik`, `kk` and `phone` answer normalized (a new object; others as given). */
export function normalizeAnswers<T extends AnswersInput>(form: FormLike, answers: T): T {
  if (!isRecord(answers)) return answers;
  const out: Record<string, unknown> = { ...answers };
  for (const step of form.steps) {
    for (const field of step.fields) {
      const value = answerOf(answers, field.id);
      if (value !== undefined) out[field.id] = normalizeAnswer(field, value);
    }
  }
  return out as T;
}

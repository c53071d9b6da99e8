// Reading answers safely: own properties only, and one notion of "no answer".
import type { AnswersInput } from './types.js';

/** Whether `value` is a plain JSON object (not `null`, not an array). */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The answer for `key`, never one inherited from `Object.prototype` (`constructor`, `__proto__`…). */
export function answerOf(answers: AnswersInput, key: string): unknown {
  return Object.hasOwn(answers, key) ? answers[key] : undefined;
}

/** `undefined`, `null`, a blank string and an empty list are "no answer"; `false` and `0` are answers. */
export function hasAnswer(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

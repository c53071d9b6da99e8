import type { AnswerPatch, Answers, AnswerValue } from '../types.js';

/** Two answers are the same (answers are JSON: strings, numbers, booleans, lists of strings). */
export const sameAnswer = (a: AnswerValue | null | undefined, b: AnswerValue | null | undefined) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The server's answers with this device's unsaved ones on top (a removed one stays removed). */
export function overlay(server: Answers, local: Answers, dirty: readonly string[]): Answers {
  const merged: Answers = { ...server };
  for (const field of dirty) {
    const value = local[field];
    if (value === undefined) delete merged[field];
    else merged[field] = value;
  }
  return merged;
}

/** The merge patch of the unsaved answers: `null` removes one. */
export function patchOf(answers: Answers, dirty: readonly string[]): AnswerPatch {
  const patch: AnswerPatch = {};
  for (const field of dirty) patch[field] = answers[field] ?? null;
  return patch;
}

/** The fields still unsaved after `sent` was saved: those changed again while it was on its way. */
export function stillDirty(answers: Answers, dirty: readonly string[], sent: AnswerPatch): string[] {
  return dirty.filter((field) => !(field in sent) || !sameAnswer(answers[field], sent[field]));
}

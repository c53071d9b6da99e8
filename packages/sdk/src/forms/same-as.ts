// No question asked twice: a field with `same_as` is not asked when its condition holds, and its
// answer is an earlier one (the mother's name and NIK when the mother herself applies). Applied
// here, once, by the validator (which checks the answer as submitted), the server (which stores
// it on submit) and the components (which skip the question).
import { answerOf, hasAnswer, isRecord } from './answers.js';
import { normalizeAnswers } from './numbers.js';
import type { AnswersInput, FormField, FormLike } from './types.js';
import { createVisibility } from './visibility.js';

/** The ids of the shown fields not asked for these answers, each with the field whose answer it takes. */
export function sameAsFields(form: FormLike, answers: AnswersInput): Map<string, string> {
  const values = isRecord(answers) ? answers : {};
  const visibility = createVisibility(form, values);
  const copied = new Map<string, string>();
  for (const step of form.steps) {
    for (const field of step.fields as FormField[]) {
      const rule = field.same_as;
      if (rule && !copied.has(field.id) && visibility.field(field) && visibility.holds(rule.when))
        copied.set(field.id, rule.field);
    }
  }
  return copied;
}

/**
 * The answers as they are submitted: numbers normalized (`normalizeAnswers`), and each field not
 * asked (`same_as`) holding the answer it takes (or none, when that has none). A new object.
 */
export function submittedAnswers<T extends AnswersInput>(form: FormLike, answers: T): T {
  const out: Record<string, unknown> = { ...normalizeAnswers(form, answers) };
  for (const [id, from] of sameAsFields(form, out)) {
    const value = answerOf(out, from);
    if (hasAnswer(value)) out[id] = value;
    else delete out[id];
  }
  return out as T;
}

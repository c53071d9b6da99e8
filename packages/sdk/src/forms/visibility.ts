// Conditional visibility (`visible_if`) of steps and fields, shared by the validator and the
// components so both hide exactly the same things.
import { answerOf, hasAnswer, isRecord } from './answers.js';
import type { AnswersInput, FieldCondition, FormField, FormLike, FormStep } from './types.js';

/**
 * Whether a condition holds for an answer. Strings are compared trimmed, other values strictly
 * (`1` is not `'1'`). A list answer (checkbox with options) matches when it contains `equals` or
 * any of `one_of`. With both `equals` and `one_of`, either may match; with neither, the condition
 * holds when the other field has an answer (and a yes/no box is ticked).
 */
function holds(condition: FieldCondition, answer: unknown): boolean {
  if (!hasAnswer(answer)) return false;
  const value = typeof answer === 'string' ? answer.trim() : answer;
  const { equals, one_of: oneOf } = condition;
  if (equals === undefined && oneOf === undefined) return value !== false;
  const candidates: unknown[] = Array.isArray(value)
    ? value.map((v) => (typeof v === 'string' ? v.trim() : v))
    : [value];
  return candidates.some(
    (candidate) =>
      (equals !== undefined && candidate === equals) ||
      (Array.isArray(oneOf) && typeof candidate === 'string' && oneOf.includes(candidate)),
  );
}

export interface Visibility {
  step(step: FormStep): boolean;
  field(field: FormField): boolean;
  /** Whether a condition holds (as a `visible_if` would). */
  holds(condition: FieldCondition): boolean;
}

/**
 * Visibility within one form: a field is hidden when its step is hidden, when its own condition
 * fails, or when the field its condition reads is itself hidden (a hidden answer counts as no
 * answer, so leaving a branch hides everything that depends on it). A shown yes/no checkbox
 * without an answer counts as `false` (unticked, as the citizen sees it). A condition on a field
 * the form does not have never holds. A cycle of conditions (a form bug) reads the raw answers.
 */
export function createVisibility(form: FormLike, answers: AnswersInput, possible = false): Visibility {
  const values = isRecord(answers) ? answers : {};
  const owner = new Map<string, { field: FormField; step: FormStep }>();
  for (const step of form.steps) {
    for (const field of step.fields) if (!owner.has(field.id)) owner.set(field.id, { field, step });
  }
  const memo = new Map<string, boolean | 'pending'>();

  const conditionHolds = (condition: FieldCondition | undefined): boolean => {
    if (!condition) return true;
    const target = owner.get(condition.field);
    if (!target) return false;
    const state = memo.get(target.field.id);
    const visible = state === 'pending' ? true : (state ?? fieldVisible(target.field, target.step));
    if (!visible) return false;
    const answer = answerOf(values, condition.field);
    if (possible && !hasAnswer(answer)) return true; // not answered yet: it may still hold
    // an untouched yes/no box is unticked, as the citizen sees it: `equals: false` holds
    const yesNo = target.field.type === 'checkbox' && !target.field.options?.length;
    return holds(condition, yesNo && !hasAnswer(answer) ? false : answer);
  };

  const fieldVisible = (field: FormField, step: FormStep): boolean => {
    const known = memo.get(field.id);
    if (typeof known === 'boolean') return known;
    memo.set(field.id, 'pending');
    const visible = conditionHolds(step.visible_if) && conditionHolds(field.visible_if);
    memo.set(field.id, visible);
    return visible;
  };

  return {
    step: (step) => conditionHolds(step.visible_if),
    holds: conditionHolds,
    field: (field) => {
      const entry = owner.get(field.id);
      if (entry && entry.field === field) return fieldVisible(field, entry.step);
      return conditionHolds(field.visible_if);
    },
  };
}

/**
 * Whether a step or field is shown for these answers. Pass the `form` to follow conditions
 * through hidden fields (what the validator does); without it only the item's own condition is
 * read, and a field's step is not considered.
 */
export function isVisible(item: FormField | FormStep, answers: AnswersInput, form?: FormLike): boolean {
  if (form) {
    const visibility = createVisibility(form, answers);
    return 'fields' in item ? visibility.step(item) : visibility.field(item);
  }
  const values = isRecord(answers) ? answers : {};
  return !item.visible_if || holds(item.visible_if, answerOf(values, item.visible_if.field));
}

/** The steps shown for these answers, in order (the form's own step objects). */
export function visibleSteps(form: FormLike, answers: AnswersInput): FormStep[] {
  const visibility = createVisibility(form, answers);
  return form.steps.filter((step) => visibility.step(step));
}

/**
 * The steps that can still apply: shown, or hidden only by a condition on a question not answered
 * yet (nor any it depends on). A progress count over these never grows as the citizen answers,
 * so "Langkah 1 dari 3" is not followed by "Langkah 2 dari 4".
 */
export function possibleSteps(form: FormLike, answers: AnswersInput): FormStep[] {
  const visibility = createVisibility(form, answers, true);
  return form.steps.filter((step) => step.fields.some((field) => visibility.field(field)));
}

/** The fields shown for these answers, in form order, across all steps. */
export function visibleFields(form: FormLike, answers: AnswersInput): FormField[] {
  const visibility = createVisibility(form, answers);
  return form.steps.flatMap((step) => step.fields.filter((field) => visibility.field(field)));
}

/** The `file` fields that must have an upload before submitting: required and shown. */
export function requiredFileFields(form: FormLike, answers: AnswersInput): FormField[] {
  return visibleFields(form, answers).filter((field) => field.type === 'file' && field.required);
}

/**
 * Ids of hidden fields that still have an answer (a branch the citizen left). Submitting them is
 * a `hidden_field` problem; clear them first, e.g. with `null` in an `AnswerPatch`.
 */
export function hiddenAnswerFields(form: FormLike, answers: AnswersInput): string[] {
  const values = isRecord(answers) ? answers : {};
  const shown = new Set(visibleFields(form, values).map((field) => field.id));
  const ids = new Set(form.steps.flatMap((step) => step.fields.map((field) => field.id)));
  return [...ids].filter((id) => !shown.has(id) && hasAnswer(answerOf(values, id)));
}

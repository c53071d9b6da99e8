import type { Answers, FormDefinition, FormField, FormStep } from '@loket/sdk';
import { sameAsFields, visibleFields, visibleSteps } from '@loket/sdk/forms';
import { pagesOf } from './flow';

/** A row of check your answers: a question asked, or one not asked that takes the answer of `from`. */
export interface CheckRow {
  field: FormField;
  /** `same_as`: the earlier question whose answer this one takes. */
  from?: FormField;
}

/**
 * Check your answers' rows by step, in the form's order: the questions asked (`pagesOf`; in a
 * revision, `only` the fields to fix) and the shown questions not asked because they take an
 * earlier answer (`same_as`), so the citizen sees every answer that is sent. In a revision, a
 * copied answer is listed only when the question it copies is open to change.
 */
export function checkRowsOf(
  form: FormDefinition,
  answers: Answers,
  only: readonly string[] | null,
): { step: FormStep; rows: CheckRow[] }[] {
  const asked = new Set(pagesOf(form, answers, only).flatMap((page) => page.fields.map((field) => field.id)));
  const shown = new Set(visibleFields(form, answers).map((field) => field.id));
  const byId = new Map(form.steps.flatMap((step) => step.fields.map((field) => [field.id, field] as const)));
  const copied = sameAsFields(form, answers);
  const rowOf = (field: FormField): CheckRow | null => {
    if (asked.has(field.id)) return { field };
    const from = byId.get(copied.get(field.id) ?? '');
    if (!from || !shown.has(field.id) || (only && !asked.has(from.id))) return null;
    return { field, from };
  };
  return visibleSteps(form, answers)
    .map((step) => ({ step, rows: step.fields.map(rowOf).filter((row): row is CheckRow => row !== null) }))
    .filter((group) => group.rows.length > 0);
}

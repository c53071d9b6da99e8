import type { Answers, FormDefinition, FormField, FormStep, LoketApiError } from '@loket/sdk';
import {
  declarationOf,
  type FieldProblem,
  possibleSteps,
  sameAsFields,
  visibleFields,
  visibleSteps,
} from '@loket/sdk/forms';
import type { Locale } from '../../i18n';

/**
 * The form's pages and problems as plain data, so the component only renders them. A place is
 * `prepare`, a step id, `check` or `done` (step ids are the form's own: lowercase words).
 */
export type View = 'prepare' | 'check' | 'done';

export interface Page {
  step: FormStep;
  /** The fields shown on this page now (conditions, and in a revision only the requested ones). */
  fields: FormField[];
}

/**
 * The pages to fill in for these answers, in order: every shown step with its shown fields; in a
 * revision (`only`) just the requested fields, and the steps that hold one. Not asked: the form's
 * declaration (ticked once, on check your answers) and a question answered earlier (`same_as`).
 */
export function pagesOf(form: FormDefinition, answers: Answers, only: readonly string[] | null): Page[] {
  const shown = new Set(visibleFields(form, answers).map((field) => field.id));
  const asked = askedIn(form, answers, only);
  return visibleSteps(form, answers)
    .map((step) => ({ step, fields: step.fields.filter((field) => shown.has(field.id) && asked(field)) }))
    .filter((page) => page.fields.length > 0);
}

/** Whether a field is a question of a page (shown or not): see `pagesOf`. */
function askedIn(form: FormDefinition, answers: Answers, only: readonly string[] | null) {
  const declaration = declarationOf(form);
  const copied = sameAsFields(form, answers);
  return (field: FormField) =>
    field !== declaration && !copied.has(field.id) && (!only || only.includes(field.id));
}

/**
 * "Langkah n dari total" for a step: counted over the steps that can still apply (a step whose
 * condition is not answered yet counts), so the total never grows as the citizen answers.
 */
export function progressOf(
  form: FormDefinition,
  answers: Answers,
  only: readonly string[] | null,
  stepId: string,
): { n: number; total: number } {
  const asked = askedIn(form, answers, only);
  const steps = possibleSteps(form, answers).filter((step) => step.fields.some(asked));
  return { n: steps.findIndex((step) => step.id === stepId) + 1, total: steps.length };
}

/** One problem to show: with a field, linked from the error summary and shown by that field. */
export interface Problem {
  field: string | null;
  message: string;
}

export const fromValidation = (problems: readonly FieldProblem[]): Problem[] =>
  problems.map(({ field, message }) => ({ field, message }));

/** A JSON pointer `/answers/<field>` (RFC 6901) as the field id, or null. */
export function fieldOfPointer(pointer: string): string | null {
  const match = /^\/answers\/([^/]+)$/.exec(pointer);
  return match?.[1] ? match[1].replaceAll('~1', '/').replaceAll('~0', '~') : null;
}

/** A refusal from the server (e.g. `422` with `errors`) as problems; without errors, its detail. */
export function fromServer(error: LoketApiError): Problem[] {
  const listed = error.errors.map((e) => ({ field: fieldOfPointer(e.pointer), message: e.detail }));
  return listed.length > 0 ? listed : [{ field: null, message: error.detail ?? error.title }];
}

/** The declaration's key among problems: field ids start with a letter, so none is this. */
export const DECLARATION = '_declaration';

/** The id of each page's one heading, focused when the page changes. */
export const HEADING_ID = 'loket-heading';

/** The DOM id of a field's control (the first one of a group). */
export const controlId = (field: string) => `loket-f-${field}`;

/** `LocalizedText` in the page's language (Indonesian when a translation is missing). */
export const say = (text: { id: string; en: string } | undefined, locale: Locale): string =>
  (text && (text[locale] || text.id)) ?? '';

/**
 * A typed number: "5.000.000" and "2,5" in Indonesian, "5,000,000" and "2.5" in English; spaces
 * are ignored. `null` when it is not a number.
 */
export function parseNumber(text: string, locale: Locale): number | null {
  const [group, decimal] = locale === 'id' ? ['.', ','] : [',', '.'];
  let s = text.replace(/\s/g, '');
  const grouped = new RegExp(`^-?\\d{1,3}(\\${group}\\d{3})+(\\${decimal}\\d+)?$`);
  if (grouped.test(s)) s = s.replaceAll(group, '');
  s = s.replace(decimal, '.').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

// The validator (the SDK's, with its messages in both languages): loaded just after the form's
// first render, as it is needed only once the citizen has typed something.
import type { Answers, Attachment, FileRule, FormDefinition, FormField } from '@loket/sdk';
import { formMessages, validateAnswers } from '@loket/sdk/forms';
import { fill, type Locale } from '../../i18n';
import type { Upload } from './file-field';
import { fromValidation, type Problem, parseNumber, say } from './flow';
import type { FormMessages } from './messages';

export interface ValidationInput {
  form: FormDefinition;
  answers: Answers;
  attachments: Attachment[];
  locale: Locale;
  t: FormMessages;
  /** What was typed in number fields (an answer only once it is a number) and number-like ones (NIK, KK, phone). */
  typed: Record<string, string>;
  uploads: Record<string, Upload>;
}

/**
 * The problems of these fields (all when `only` is absent), every rule as on submit, by the
 * SDK's validator (the server's own), plus two the validator cannot see: a number field with
 * text that is not a number, and a file still uploading.
 */
export function problemsOf(input: ValidationInput, only?: readonly string[]): Problem[] {
  const { form, answers, attachments, locale, t, typed, uploads } = input;
  const found = fromValidation(validateAnswers(form, answers, { lang: locale, only, attachments }));
  const fields = form.steps.flatMap((s) => s.fields).filter((f) => !only || only.includes(f.id));
  const own: Problem[] = [];
  for (const f of fields) {
    const label = say(f.label, locale);
    const text = typed[f.id]?.trim();
    if (f.type === 'number' && text && parseNumber(text, locale) === null)
      own.push({ field: f.id, message: fill(t.step.number, { label }) });
    else if (uploads[f.id]?.state === 'uploading')
      own.push({ field: f.id, message: fill(t.step.wait, { label }) });
  }
  const replaced = new Set(own.map((p) => p.field));
  const order = (p: Problem) => {
    const i = fields.findIndex((f) => f.id === p.field);
    return i < 0 ? fields.length : i;
  };
  return [...found.filter((p) => !p.field || !replaced.has(p.field)), ...own].sort(
    (a, b) => order(a) - order(b),
  );
}

/**
 * The error to show when leaving a field: its own rules, but never "wajib diisi" for a field not
 * filled in yet (`undefined`: leave what is shown as it is).
 */
export function blurProblem(input: ValidationInput, field: string): string | null | undefined {
  const problem = problemsOf(input, [field])[0];
  if (!problem) return null;
  const empty = input.answers[field] === undefined && !input.typed[field]?.trim();
  return empty ? undefined : problem.message;
}

/** Why a chosen file is refused before it is sent, in the validator's words. */
export function refusal(
  locale: Locale,
  field: FormField,
  rule: FileRule,
  code: 'file_type' | 'file_size' | 'file_count',
) {
  const messages = formMessages[locale];
  const label = say(field.label, locale);
  if (code === 'file_type') return messages.file_type({ label, accept: rule.accept });
  if (code === 'file_size') return messages.file_size({ label, maxBytes: rule.max_bytes });
  return messages.file_count({ label, limit: rule.max_files ?? 1 });
}

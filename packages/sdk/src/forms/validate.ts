// The one validator of answers against a form definition, run by the browser components and by
// the API server alike.
import { answerPointer } from '../rules/pointer.js';
import { answerOf, hasAnswer, isRecord } from './answers.js';
import { isCalendarDate, resolveToday } from './date.js';
import { isEmail } from './email.js';
import { formMessagesEn } from './messages.en.js';
import { formMessagesId } from './messages.id.js';
import type { FormMessages, MessageParams } from './messages.js';
import { checkNik } from './nik.js';
import { normalizePhone } from './phone.js';
import { submittedAnswers } from './same-as.js';
import type {
  AnswersInput,
  AttachmentInfo,
  FieldProblem,
  FormField,
  FormLang,
  FormLike,
  ProblemCode,
  ValidateOptions,
} from './types.js';
import { createVisibility } from './visibility.js';

/** The built-in dictionaries, one per language. */
export const formMessages: Readonly<Record<FormLang, FormMessages>> = {
  id: formMessagesId,
  en: formMessagesEn,
};

/** A problem before it is put into words: its code and what the message may say. */
type Found = { [C in ProblemCode]: { code: C; params: MessageParams[C] } }[ProblemCode];

interface Context {
  label: string;
  today: string;
  attachments: readonly AttachmentInfo[] | undefined;
  rejected: readonly string[];
}

const patterns = new Map<string, RegExp | null>();

/** `pattern` anchored to the whole value; Unicode mode when the pattern allows it. `null`: it does not compile. */
function compile(pattern: string): RegExp | null {
  let regex = patterns.get(pattern);
  if (regex === undefined) {
    regex = null;
    for (const flags of ['u', '']) {
      try {
        regex = new RegExp(`^(?:${pattern})$`, flags);
        break;
      } catch {
        // try without the Unicode flag; a pattern that never compiles is not checked
      }
    }
    patterns.set(pattern, regex);
  }
  return regex;
}

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

const hasDuplicates = (items: readonly string[]) => new Set(items).size !== items.length;

const hasOptions = (field: FormField) => Array.isArray(field.options) && field.options.length > 0;

/** Whether `value` has the JSON shape the field's type stores (what a draft is checked for). */
function shapeFits(field: FormField, value: unknown): boolean {
  switch (field.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'checkbox':
      return hasOptions(field) ? isStringList(value) : typeof value === 'boolean';
    case 'file':
      return isStringList(value);
    default:
      return typeof value === 'string';
  }
}

function requiredProblem(field: FormField, label: string): Found {
  if (field.type === 'file') return { code: 'file_required', params: { label } };
  const kind =
    field.type === 'checkbox'
      ? hasOptions(field)
        ? 'choice'
        : 'confirm'
      : field.type === 'select' || field.type === 'radio'
        ? 'choice'
        : 'text';
  return { code: 'required', params: { label, kind } };
}

/** The date a `min_date`/`max_date` stands for, or `undefined` when it is not a date. */
function bound(value: string | undefined, today: string): { date: string; today: boolean } | undefined {
  if (value === 'today') return { date: today, today: true };
  return value !== undefined && isCalendarDate(value) ? { date: value, today: false } : undefined;
}

function checkText(field: FormField, text: string, label: string): Found | null {
  const length = [...text].length;
  if (field.min_length !== undefined && length < field.min_length) {
    return { code: 'min_length', params: { label, limit: field.min_length } };
  }
  if (field.max_length !== undefined && length > field.max_length) {
    return { code: 'max_length', params: { label, limit: field.max_length } };
  }
  const regex = field.pattern ? compile(field.pattern) : null;
  if (regex && !regex.test(text)) return { code: 'pattern', params: { label } };
  return null;
}

function checkFiles(field: FormField, ids: readonly string[], context: Context): Found | null {
  const { label, attachments } = context;
  if (hasDuplicates(ids)) return { code: 'duplicate', params: { label } };
  const limit = field.file?.max_files ?? 1;
  if (ids.length > limit) return { code: 'file_count', params: { label, limit } };
  if (!attachments) return null;
  for (const id of ids) {
    const attachment = attachments.find((a) => a.id === id && a.field === field.id);
    if (!attachment) return { code: 'file_unknown', params: { label } };
    const accept = field.file?.accept;
    if (accept && !(accept as readonly string[]).includes(attachment.content_type)) {
      return { code: 'file_type', params: { label, accept } };
    }
    const maxBytes = field.file?.max_bytes;
    if (maxBytes !== undefined && attachment.size > maxBytes) {
      return { code: 'file_size', params: { label, maxBytes } };
    }
    if (attachment.sha256 && context.rejected.includes(attachment.sha256)) {
      return { code: 'file_rejected', params: { label } };
    }
  }
  return null;
}

/** Every rule of a visible field, for an answer of the right shape (submit mode). */
function checkValue(field: FormField, value: unknown, context: Context): Found | null {
  const { label, today } = context;
  const text = typeof value === 'string' ? value.trim() : '';
  switch (field.type) {
    case 'text':
    case 'textarea':
      return checkText(field, text, label);
    case 'number': {
      const number = value as number;
      if (field.min !== undefined && number < field.min)
        return { code: 'min', params: { label, limit: field.min } };
      if (field.max !== undefined && number > field.max)
        return { code: 'max', params: { label, limit: field.max } };
      return null;
    }
    case 'date': {
      if (!isCalendarDate(text)) return { code: 'date', params: { label } };
      const min = bound(field.min_date, today);
      if (min && text < min.date) return { code: 'min_date', params: { label, ...min } };
      const max = bound(field.max_date, today);
      if (max && text > max.date) return { code: 'max_date', params: { label, ...max } };
      return null;
    }
    case 'select':
    case 'radio':
      return field.options?.some((option) => option.value === text)
        ? null
        : { code: 'option', params: { label } };
    case 'checkbox': {
      if (!Array.isArray(value)) {
        return value === false && field.required ? requiredProblem(field, label) : null;
      }
      const chosen = (value as string[]).map((item) => item.trim());
      if (hasDuplicates(chosen)) return { code: 'duplicate', params: { label } };
      const allowed = new Set(field.options?.map((option) => option.value));
      return chosen.every((item) => allowed.has(item)) ? null : { code: 'option', params: { label } };
    }
    case 'nik': {
      const nik = checkNik(text, { today });
      return nik.ok ? null : { code: 'nik', params: { label, reason: nik.reason, digits: text.length } };
    }
    case 'kk': {
      const reason = !/^\d*$/.test(text) ? 'digits' : text.length !== 16 ? 'length' : null;
      return reason && { code: 'kk', params: { label, reason, digits: text.length } };
    }
    case 'phone':
      return normalizePhone(text) ? null : { code: 'phone', params: { label } };
    case 'email':
      return isEmail(text) ? null : { code: 'email', params: { label } };
    case 'file':
      return checkFiles(field, value as string[], context);
    default:
      return null;
  }
}

/**
 * The field's label as a message names it: in the message's language, trimmed, without a
 * trailing colon; a question (`Apa hubungan Anda dengan anak?`) in quotes, so that
 * `“Apa hubungan Anda dengan anak?” wajib dipilih.` still reads as a sentence.
 */
function labelOf(field: FormField, lang: FormLang): string {
  const label = (field.label?.[lang] || field.label?.id || field.id).trim().replace(/\s*:$/, '');
  return label.endsWith('?') ? `“${label}”` : label;
}

/**
 * Checks answers against a form; returns the problems (none: the answers are fine), at most one
 * per field, in form order, then answers for fields the form does not have (`unknown_field`).
 *
 * - `submit` (default): a shown field that is required must be answered (`required`,
 *   `file_required`; a yes/no box must be ticked); every answer must follow its field's rules;
 *   an answer for a hidden field is a `hidden_field` problem — clear it (`hiddenAnswerFields`).
 * - `draft`: only the JSON shape of the answers present (`type`), for every field, so a draft
 *   saves however unfinished (a half-typed NIK, a hidden branch the citizen may come back to).
 * - `only`: check just these fields (a revision); visibility still reads every answer.
 *
 * Never throws for any JSON answers; throws `RangeError` when `options.today` is not a date.
 */
export function validateAnswers(
  form: FormLike,
  answers: AnswersInput,
  options: ValidateOptions = {},
): FieldProblem[] {
  const lang: FormLang = options.lang === 'en' ? 'en' : 'id';
  const submit = options.mode !== 'draft';
  const today = resolveToday(options.today);
  const messages: FormMessages = { ...formMessages[lang], ...options.messages };
  const only = options.only ? new Set(options.only) : null;
  // checked as submitted: numbers normalized, questions not asked (same_as) answered (same-as.ts)
  const values = submittedAnswers(form, isRecord(answers) ? answers : {});
  const visibility = createVisibility(form, values);

  const problems: FieldProblem[] = [];
  const add = (field: string, found: Found, custom?: string) => {
    const say = messages[found.code] as (params: MessageParams[typeof found.code]) => string;
    problems.push({
      field,
      pointer: answerPointer(field),
      code: found.code,
      message: custom ?? say(found.params),
    });
  };

  const known = new Set<string>();
  for (const step of form.steps) {
    for (const field of step.fields) {
      if (known.has(field.id)) continue;
      known.add(field.id);
      if (only && !only.has(field.id)) continue;
      const value = answerOf(values, field.id);
      const answered = hasAnswer(value);
      const label = labelOf(field, lang);
      if (submit && !visibility.field(field)) {
        if (answered) add(field.id, { code: 'hidden_field', params: { label } });
        continue;
      }
      if (answered && !shapeFits(field, value)) {
        add(field.id, { code: 'type', params: { label } });
        continue;
      }
      if (!submit) continue;
      const rejected =
        (options.rejected && Object.hasOwn(options.rejected, field.id) && options.rejected[field.id]) || [];
      const context: Context = { label, today, attachments: options.attachments, rejected };
      const found = answered
        ? checkValue(field, value, context)
        : field.required
          ? requiredProblem(field, label)
          : null;
      if (found)
        add(
          field.id,
          found,
          found.code === 'pattern' ? field.pattern_message?.[lang] || undefined : undefined,
        );
    }
  }

  for (const key of Object.keys(values)) {
    if (known.has(key) || (only && !only.has(key)) || !hasAnswer(values[key])) continue;
    add(key, { code: 'unknown_field', params: { field: key } });
  }
  return problems;
}

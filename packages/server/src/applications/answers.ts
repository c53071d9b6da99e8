import { validateAnswers } from '@loket/sdk/forms';
import type { Lang } from '../http/lang.js';
import { type FieldError, ProblemError } from '../http/problems.js';
import { jakartaDate } from './calendar.js';
import type { StoredForm } from './forms.js';

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const textProblem: Record<Lang, string> = {
  id: 'Teks mengandung karakter yang tidak dapat disimpan (karakter NUL atau Unicode yang rusak).',
  en: 'The text contains characters that cannot be stored (a NUL character or broken Unicode).',
};

/**
 * Strings the database cannot store in jsonb (NUL, lone UTF-16 surrogates): refused as invalid
 * answers instead of failing the insert. The contract lets them through (they are valid JSON).
 */
function unstorable(answers: Readonly<Record<string, unknown>>, lang: Lang): FieldError[] {
  const bad = (value: unknown): boolean =>
    typeof value === 'string'
      ? value.includes('\u0000') || loneSurrogate.test(value)
      : Array.isArray(value)
        ? value.some(bad)
        : false;
  return Object.entries(answers)
    .filter(([key, value]) => bad(key) || bad(value))
    .map(([key]) => ({ pointer: `/answers/${escapePointer(key)}`, detail: textProblem[lang] }));
}

const detail: Record<Lang, (n: number) => string> = {
  id: (n) => `Ada ${n} isian yang belum lengkap atau belum benar.`,
  en: (n) => `${n} answer${n === 1 ? ' is' : 's are'} incomplete or invalid.`,
};

export interface CheckOptions {
  lang: Lang;
  mode: 'draft' | 'submit';
  now: Date;
  attachments?: { id: string; field: string; content_type: string; size: number }[];
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
      }).map((p) => ({ pointer: p.pointer, detail: p.message }));
  if (problems.length === 0) return;
  throw new ProblemError(
    'invalid-answers',
    422,
    (lang) => detail[lang](problems.length),
    () => problems,
  );
}

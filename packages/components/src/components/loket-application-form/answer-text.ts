import type { AnswerValue, Attachment, FormField } from '@loket/sdk';
import { date, type Locale } from '../../i18n';
import { say } from './flow';
import type { EndMessages } from './messages/later';

/** An answer as people read it: dates in words, option labels, Ya/Tidak, file names. */
export function answerText(
  locale: Locale,
  t: EndMessages,
  field: FormField,
  value: AnswerValue | undefined,
  attachments: Attachment[],
): string[] {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0))
    return field.type === 'checkbox' && !field.options?.length ? [t.check.no] : [];
  const option = (v: string) => say(field.options?.find((o) => o.value === v)?.label, locale) || v;
  switch (field.type) {
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? [date(locale, value)]
        : [String(value)];
    case 'number':
      return [
        typeof value === 'number'
          ? new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB').format(value)
          : String(value),
      ];
    case 'select':
    case 'radio':
      return [option(String(value))];
    case 'checkbox':
      return Array.isArray(value) ? value.map(option) : [value === true ? t.check.yes : t.check.no];
    case 'phone': // stored as +628…, read as dialled at home: 0812…
      return [String(value).replace(/^\+62(?=8)/, '0')];
    case 'file':
      return (Array.isArray(value) ? value : []).map(
        (id) => attachments.find((a) => a.id === id)?.filename ?? id,
      );
    default:
      return [String(value)];
  }
}

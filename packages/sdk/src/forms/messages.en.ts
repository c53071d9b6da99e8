// Form validation messages, English.
import { formatBytes, formatDate, formatNumber, formatTypes, plural } from './format.js';
import type { FormMessages } from './messages.js';

const n = (value: number) => formatNumber('en', value);
const count = (value: number, one: string, other: string) =>
  `${n(value)} ${plural('en', value, { one, other })}`;

export const formMessagesEn: FormMessages = {
  required: ({ label, kind }) =>
    kind === 'confirm'
      ? `Tick “${label}” to continue.`
      : kind === 'choice'
        ? `${label} is required: choose an option.`
        : `${label} is required.`,
  type: ({ label }) => `The answer to ${label} is not valid.`,
  pattern: ({ label }) => `${label} is not in the right format.`,
  min_length: ({ label, limit }) => `${label} must be at least ${count(limit, 'character', 'characters')}.`,
  max_length: ({ label, limit }) => `${label} must be ${count(limit, 'character', 'characters')} or fewer.`,
  min: ({ label, limit }) => `${label} must be ${n(limit)} or more.`,
  max: ({ label, limit }) => `${label} must be ${n(limit)} or less.`,
  min_date: ({ label, date, today }) =>
    today ? `${label} must be today or later.` : `${label} must be on or after ${formatDate('en', date)}.`,
  max_date: ({ label, date, today }) =>
    today ? `${label} must be today or earlier.` : `${label} must be on or before ${formatDate('en', date)}.`,
  option: ({ label }) => `${label}: choose one of the options given.`,
  duplicate: ({ label }) => `${label} contains the same choice more than once.`,
  nik: ({ label, reason, digits }) => {
    switch (reason) {
      case 'digits':
        return `${label} must contain digits only.`;
      case 'length':
        return `${label} must be 16 digits (you entered ${count(digits, 'digit', 'digits')}).`;
      case 'province':
        return `The first two digits of ${label} are not a valid province code.`;
      case 'date':
        return `${label} does not contain a valid date of birth (digits 7 to 12).`;
      case 'serial':
        return `The last four digits of ${label} cannot be 0000.`;
    }
  },
  kk: ({ label, reason, digits }) =>
    reason === 'digits'
      ? `${label} must contain digits only.`
      : `${label} must be 16 digits (you entered ${count(digits, 'digit', 'digits')}).`,
  phone: ({ label }) =>
    `${label} must be an Indonesian mobile number, like 0812 3456 7890 or +62 812 3456 7890.`,
  email: ({ label }) => `${label} must be a valid email address, like name@example.com.`,
  date: ({ label }) => `${label} must be a real date.`,
  file_required: ({ label }) => `${label} is required: upload a file.`,
  file_count: ({ label, limit }) => `${label}: upload at most ${count(limit, 'file', 'files')}.`,
  file_type: ({ label, accept }) => `${label} must be a ${formatTypes('en', accept)} file.`,
  file_size: ({ label, maxBytes }) =>
    `Each file for ${label} must be ${formatBytes('en', maxBytes)} or smaller.`,
  file_unknown: ({ label }) => `The file for ${label} was not found. Upload it again.`,
  file_rejected: ({ label }) => `Replace ${label}: the officer asked for a new file, not the same one again.`,
  unknown_field: ({ field }) => `“${field}” is not a question on this form.`,
  hidden_field: ({ label }) => `${label} does not apply to your answers. Remove it.`,
};

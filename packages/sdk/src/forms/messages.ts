// The shape of a locale's dictionary of validation messages. One dictionary per locale
// (messages.id.ts, messages.en.ts), each typed as `FormMessages`, so none can miss a message.
import type { NikReason } from './nik.js';
import type { ProblemCode } from './types.js';

/**
 * What a message may say, per problem code. `label` is the field's label in the message's
 * language, already in quotes when it is a question.
 */
export interface MessageParams {
  /** `text`: a typed answer; `choice`: pick from options; `confirm`: a yes/no box that must be ticked. */
  required: { label: string; kind: 'text' | 'choice' | 'confirm' };
  type: { label: string };
  /** Used only when the field has no `pattern_message`. */
  pattern: { label: string };
  min_length: { label: string; limit: number };
  max_length: { label: string; limit: number };
  min: { label: string; limit: number };
  max: { label: string; limit: number };
  /** `date` is `YYYY-MM-DD`; `today` when the form said `today`. */
  min_date: { label: string; date: string; today: boolean };
  max_date: { label: string; date: string; today: boolean };
  option: { label: string };
  duplicate: { label: string };
  /** `digits`: how many characters were given (for `length`), separators between groups not counted. */
  nik: { label: string; reason: NikReason; digits: number };
  /** `digits`: how many characters were given (for `length`), separators between groups not counted. */
  kk: { label: string; reason: 'digits' | 'length'; digits: number };
  phone: { label: string };
  email: { label: string };
  date: { label: string };
  file_required: { label: string };
  file_count: { label: string; limit: number };
  file_type: { label: string; accept: readonly string[] };
  file_size: { label: string; maxBytes: number };
  file_unknown: { label: string };
  file_rejected: { label: string };
  /** `field`: the answer's key, which names no field of the form. */
  unknown_field: { field: string };
  hidden_field: { label: string };
}

export type FormMessages = { readonly [C in ProblemCode]: (params: MessageParams[C]) => string };

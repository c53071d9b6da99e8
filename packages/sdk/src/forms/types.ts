// Curated names for the form-definition types of the contract (openapi/loket.yaml, through the
// generated src/openapi.d.ts), and the validator's own result and option types.
import type { components } from '../openapi.js';
import type { FormMessages } from './messages.js';

type Schemas = components['schemas'];

export type FormDefinition = Schemas['FormDefinition'];
export type FormStep = Schemas['FormStep'];
export type FormField = Schemas['FormField'];
export type FieldType = Schemas['FieldType'];
export type FieldOption = Schemas['FieldOption'];
export type FieldCondition = Schemas['FieldCondition'];
export type FileRule = Schemas['FileRule'];
export type AnswerValue = Schemas['AnswerValue'];
export type Answers = Schemas['Answers'];
export type AnswerPatch = Schemas['AnswerPatch'];
export type Attachment = Schemas['Attachment'];
export type LocalizedText = Schemas['LocalizedText'];
export type FormLang = Schemas['Lang'];

/**
 * What the validator needs of a form: its steps. A served `FormDefinition` fits, and so does a
 * stored one without `lang`.
 */
export type FormLike = { readonly steps: readonly FormStep[] };

/**
 * Answers as they arrive: the contract's `Answers` (or an `AnswerPatch` with `null`s), or any
 * parsed JSON object. Values of the wrong shape are reported, never thrown on.
 */
export type AnswersInput = Readonly<Record<string, unknown>>;

/** The part of an `Attachment` the validator reads (an `Attachment` fits). */
export type AttachmentInfo = {
  readonly id: string;
  readonly field: string;
  readonly content_type: string;
  readonly size: number;
  /** The file's SHA-256 (hex), checked against `ValidateOptions.rejected`. */
  readonly sha256?: string;
};

/** Every problem code, stable for programs (the `message` is for people). */
export type ProblemCode =
  | 'required'
  | 'type'
  | 'pattern'
  | 'min_length'
  | 'max_length'
  | 'min'
  | 'max'
  | 'min_date'
  | 'max_date'
  | 'option'
  | 'duplicate'
  | 'nik'
  | 'kk'
  | 'phone'
  | 'email'
  | 'date'
  | 'file_required'
  | 'file_count'
  | 'file_type'
  | 'file_size'
  | 'file_unknown'
  | 'file_rejected'
  | 'unknown_field'
  | 'hidden_field';

/** One problem with one answer; at most one per field. */
export interface FieldProblem {
  /** The field id (or the unknown answer key). */
  field: string;
  /** A JSON Pointer into the request body: `/answers/<field>` (RFC 6901 escaped). */
  pointer: string;
  code: ProblemCode;
  /** For people, in `options.lang`, naming the field by its label. */
  message: string;
}

export type ValidationMode = 'submit' | 'draft';

export interface ValidateOptions {
  /** The language of `message`; default `id`. */
  lang?: FormLang;
  /** `YYYY-MM-DD`, what `today` means in `min_date`/`max_date` and NIK years; default: today in Asia/Jakarta. */
  today?: string;
  /**
   * `submit` (default): every rule, required fields, and answers for hidden fields are problems.
   * `draft`: only the shape of the answers present, for visible fields; never `required`.
   */
  mode?: ValidationMode;
  /** Check only these fields (the fields an officer asked to revise); visibility still uses every answer. */
  only?: readonly string[];
  /**
   * The application's uploaded files. Given: every id in a file answer must be one of them, uploaded
   * for that field, and fit the field's `FileRule`. Omitted: file answers are checked for shape and
   * count only (the server always passes them).
   */
  attachments?: readonly AttachmentInfo[];
  /**
   * SHA-256 of the files an officer asked to replace (a revision), by field: that field's answer
   * holding one of them again, unchanged, is a `file_rejected` problem.
   */
  rejected?: Readonly<Record<string, readonly string[]>>;
  /** Replace some messages (e.g. a region's own wording). */
  messages?: Partial<FormMessages>;
}

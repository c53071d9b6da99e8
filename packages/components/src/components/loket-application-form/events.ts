import type { ApplicationStatusCode } from '@loket/sdk';

/** `loketStepChange`: the citizen moved to another page of the form. */
export interface LoketStepChangeDetail {
  /** `prepare`, a step id, `check` or `done`. */
  place: string;
  /** The step's number ("Langkah 2 dari 4" → 2); 0 for places that are not steps. */
  index: number;
  /** How many steps are shown now. */
  total: number;
}

/** `loketSubmit`: the application was submitted. */
export interface LoketSubmitDetail {
  /** The tracking code. */
  code: string;
  status: ApplicationStatusCode;
}

/** `loketError`: loading failed, or the server refused a save or the submission. */
export interface LoketErrorDetail {
  /** The problem type, e.g. `urn:loket:problem:network`. */
  type: string;
  /** The HTTP status; 0 when no answer arrived. */
  status: number;
  detail: string | null;
}

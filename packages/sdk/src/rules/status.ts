import type { components } from '../openapi.js';

type Status = components['schemas']['ApplicationStatusCode'];

// Where a sent application stands. Together with `EDITABLE` (editing.ts) these hold every status
// once. (Each grouping sits in the module of the components that read it, so a bundler keeps
// the form's and the tracker's parts apart.)

/** The agency owes a decision: the due date runs, and may pass (overdue). */
export const WITH_AGENCY: readonly Status[] = ['submitted', 'in_review'];
/** Never changes again: nothing left to do, to poll for, or to be late with. */
export const FINAL: readonly Status[] = ['completed', 'rejected', 'withdrawn'];

export const isWithAgency = (status: Status): boolean => WITH_AGENCY.includes(status);
export const isFinal = (status: Status): boolean => FINAL.includes(status);

import type { components } from '../openapi.js';

type Status = components['schemas']['ApplicationStatusCode'];

// Where a sent application stands. With `isEditable` (editing.ts) these put every status in
// exactly one group. (Each grouping sits in the module of the components that read it, so a
// bundler keeps the form's and the tracker's parts apart; plain comparisons compress best.)

/** `submitted`, `in_review`: the agency owes a decision; the due date runs, and may pass (overdue). */
export const isWithAgency = (status: Status): boolean => status === 'submitted' || status === 'in_review';

/** `completed`, `rejected`, `withdrawn`: never changes again; nothing left to do, poll for or be late with. */
export const isFinal = (status: Status): boolean =>
  status === 'completed' || status === 'rejected' || status === 'withdrawn';

import type { components } from '../openapi.js';

type Status = components['schemas']['ApplicationStatusCode'];

/** `draft`, `needs_revision`: the citizen can still change answers and files (in a revision, only the requested ones). */
export const isEditable = (status: Status): boolean => status === 'draft' || status === 'needs_revision';

/** Sent and in the agency's hands: waiting for its decision, or decided (not withdrawn). */
export const isSubmitted = (status: Status): boolean => !isEditable(status) && status !== 'withdrawn';

/** Why a change is refused: the status allows none, or (in a revision) these fields were not requested. */
export type EditRefusal = { reason: 'status' } | { reason: 'fields'; fields: string[] };

/**
 * Can the citizen change `fields` (answers, or the files of file fields) of an application now?
 * A draft: any field. Sent back for revision: only the fields the officer named
 * (`revisionFields`). Any other status: nothing. `null` when the change may go ahead; without
 * `fields`, whether anything may change at all.
 */
export function editRefusal(
  status: Status,
  revisionFields: readonly string[],
  fields: readonly string[] = [],
): EditRefusal | null {
  if (!isEditable(status)) return { reason: 'status' };
  if (status !== 'needs_revision') return null;
  const locked = fields.filter((field) => !revisionFields.includes(field));
  return locked.length > 0 ? { reason: 'fields', fields: locked } : null;
}

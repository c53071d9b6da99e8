import type { components } from '../openapi.js';
import { isFinal } from './status.js';

type Status = components['schemas']['ApplicationStatusCode'];
/** Who moves an application: the citizen (with its secret) or an officer of its agency. */
export type Actor = 'citizen' | 'officer';

/**
 * The one state machine: who may move an application from which status to which.
 * draft → submitted → in_review → needs_revision → submitted … → completed | rejected;
 * the citizen may withdraw anything not yet decided.
 */
const transitions: Record<Actor, Partial<Record<Status, readonly Status[]>>> = {
  citizen: {
    draft: ['submitted', 'withdrawn'],
    submitted: ['withdrawn'],
    in_review: ['withdrawn'],
    needs_revision: ['submitted', 'withdrawn'],
  },
  officer: {
    submitted: ['in_review'],
    in_review: ['needs_revision', 'completed', 'rejected'],
  },
};

/** May `actor` move an application that is `from` to `to`? */
export const canTransition = (actor: Actor, from: Status, to: Status): boolean =>
  transitions[actor][from]?.includes(to) ?? false;

/** The citizen may withdraw until the agency has decided (the table's `withdrawn` moves, by group). */
export const canWithdraw = (status: Status): boolean => !isFinal(status);

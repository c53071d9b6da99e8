import { describe, expect, it } from 'vitest';
import {
  type Actor,
  canTransition,
  canWithdraw,
  editRefusal,
  isEditable,
  isFinal,
  isSubmitted,
  isWithAgency,
} from '../src/rules/index.js';
import type { ApplicationStatusCode } from '../src/types.js';

// Every status of the contract: the compiler refuses this object when the enum changes.
const every: Record<ApplicationStatusCode, true> = {
  draft: true,
  submitted: true,
  in_review: true,
  needs_revision: true,
  completed: true,
  rejected: true,
  withdrawn: true,
};
const statuses = Object.keys(every) as ApplicationStatusCode[];
const actors: Actor[] = ['citizen', 'officer'];

describe('status groupings', () => {
  it('put every status in exactly one of editable, with the agency, final', () => {
    for (const status of statuses) {
      expect(
        [isEditable, isWithAgency, isFinal].filter((inGroup) => inGroup(status)),
        status,
      ).toHaveLength(1);
    }
    expect(statuses.filter(isEditable)).toEqual(['draft', 'needs_revision']);
    expect(statuses.filter(isWithAgency)).toEqual(['submitted', 'in_review']);
    expect(statuses.filter(isFinal)).toEqual(['completed', 'rejected', 'withdrawn']);
  });

  it('counts as submitted what waits for or has the decision, not a withdrawal', () => {
    expect(statuses.filter(isSubmitted)).toEqual(['submitted', 'in_review', 'completed', 'rejected']);
  });

  it('lets the citizen withdraw exactly where the state machine does', () => {
    for (const status of statuses)
      expect(canWithdraw(status), status).toBe(canTransition('citizen', status, 'withdrawn'));
  });

  it('never moves a final status, and edits (submits) only an editable one', () => {
    for (const actor of actors) {
      for (const from of statuses) {
        for (const to of statuses) {
          if (isFinal(from)) expect(canTransition(actor, from, to), `${actor} ${from} → ${to}`).toBe(false);
        }
      }
    }
    expect(statuses.filter((s) => canTransition('citizen', s, 'submitted'))).toEqual(
      statuses.filter(isEditable),
    );
  });

  it('is the state machine of the contract', () => {
    const moves = actors.flatMap((actor) =>
      statuses.flatMap((from) =>
        statuses.filter((to) => canTransition(actor, from, to)).map((to) => `${actor}: ${from} → ${to}`),
      ),
    );
    expect(moves).toEqual([
      'citizen: draft → submitted',
      'citizen: draft → withdrawn',
      'citizen: submitted → withdrawn',
      'citizen: in_review → withdrawn',
      'citizen: needs_revision → submitted',
      'citizen: needs_revision → withdrawn',
      'officer: submitted → in_review',
      'officer: in_review → needs_revision',
      'officer: in_review → completed',
      'officer: in_review → rejected',
    ]);
  });
});

describe('editRefusal', () => {
  it('lets a draft change any field', () => {
    expect(editRefusal('draft', [])).toBeNull();
    expect(editRefusal('draft', [], ['nama', 'nik'])).toBeNull();
  });

  it('lets a revision change only the fields the officer named, and says which others were tried', () => {
    expect(editRefusal('needs_revision', ['telepon'])).toBeNull();
    expect(editRefusal('needs_revision', ['telepon'], ['telepon'])).toBeNull();
    expect(editRefusal('needs_revision', ['telepon'], ['nama', 'telepon', 'nik'])).toEqual({
      reason: 'fields',
      fields: ['nama', 'nik'],
    });
  });

  it('refuses any change once sent, decided or withdrawn, whatever the fields', () => {
    for (const status of statuses.filter((s) => !isEditable(s))) {
      expect(editRefusal(status, ['telepon']), status).toEqual({ reason: 'status' });
      expect(editRefusal(status, ['telepon'], ['telepon']), status).toEqual({ reason: 'status' });
    }
  });
});

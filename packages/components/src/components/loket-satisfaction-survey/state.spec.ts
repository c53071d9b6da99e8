import { LoketApiError } from '@loket/sdk';
import { SKM_UNSUR } from '@loket/sdk/rules';
import { describe, expect, it } from 'vitest';
import { en } from './messages/en';
import { id } from './messages/id';
import { answerOf, blank, outcomeOf, PROFILE_KEYS, unanswered } from './state';

const problem = (status: number, kind: string, detail?: string) =>
  new LoketApiError({ type: `urn:loket:problem:${kind}`, title: kind, status, detail });

describe('the survey state', () => {
  it('asks the nine unsur of the regulation, all unanswered at first', () => {
    const view = blank('id', 'form');
    expect(view.scores).toHaveLength(SKM_UNSUR.length);
    expect(unanswered(view)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    view.scores = [4, 3, 0, 4, 3, 3, 0, 3, 2];
    expect(unanswered(view)).toEqual([3, 7]);
  });

  it('sends the scores in order, only the profile parts chosen, and a trimmed suggestion', () => {
    const view = { ...blank('id', 'form'), scores: [4, 3, 3, 4, 3, 4, 4, 3, 3] as const };
    expect(answerOf({ ...view, scores: [...view.scores] })).toEqual({ scores: [4, 3, 3, 4, 3, 4, 4, 3, 3] });
    const full = answerOf({
      ...view,
      scores: [...view.scores],
      profile: { age_band: '30_39', sex: undefined, education: 'senior' },
      suggestion: '  Ruang tunggu perlu kursi.  ',
    });
    expect(full).toEqual({
      scores: [4, 3, 3, 4, 3, 4, 4, 3, 3],
      profile: { age_band: '30_39', education: 'senior' },
      suggestion: 'Ruang tunggu perlu kursi.',
    });
  });

  it("reads the server's answers: answered and not open are states, the rest problems", () => {
    expect(outcomeOf(problem(409, 'survey-answered'))).toEqual({ phase: 'answered' });
    expect(outcomeOf(problem(409, 'survey-not-open'))).toEqual({ phase: 'not_yet' });
    expect(outcomeOf(problem(404, 'not-found'))).toEqual({ problem: { kind: 'link' } });
    // Through an invitation's one-time link, a 404 is the link unknown or past its 30 days.
    expect(outcomeOf(problem(404, 'not-found'), true)).toEqual({ problem: { kind: 'expired' } });
    expect(outcomeOf(problem(409, 'survey-answered'), true)).toEqual({ phase: 'answered' });
    expect(outcomeOf(problem(401, 'unauthorized'))).toEqual({ problem: { kind: 'kiosk' } });
    expect(outcomeOf(problem(403, 'origin-not-allowed'))).toEqual({ problem: { kind: 'origin' } });
    expect(outcomeOf(problem(429, 'too-many-requests', 'Coba lagi dalam 42 detik.'))).toEqual({
      problem: { kind: 'limited', detail: 'Coba lagi dalam 42 detik.' },
    });
    expect(outcomeOf(problem(0, 'network'))).toEqual({ problem: { kind: 'network' } });
    expect(outcomeOf(problem(503, 'internal'))).toEqual({ problem: { kind: 'network' } });
    expect(outcomeOf(new TypeError('x'))).toEqual({ problem: { kind: 'network' } });
    expect(outcomeOf(problem(400, 'invalid-request'))).toEqual({ problem: { kind: 'other' } });
  });

  it('lists the profile answers in the same order in both languages', () => {
    for (const key of PROFILE_KEYS)
      expect(Object.keys(en.profile[key].options)).toEqual(Object.keys(id.profile[key].options));
  });
});

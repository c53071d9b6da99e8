/**
 * The Dukcapil officer of Kota Surabaya in the browser tests, through `commands.officer` (the
 * officer API never answers a browser): what they see of an application, and their transitions.
 */
import type { OfficerApplication } from '@loket/sdk';
import { expect } from 'vitest';
import { commands } from 'vitest/browser';

const officer = { agency: 'dukcapil', region: '35.78' } as const;
const path = (code: string, rest = '') => `/v1/officer/applications/${encodeURIComponent(code)}${rest}`;

export type OfficerMove =
  | { to: 'in_review' | 'completed' | 'rejected'; public_note?: string }
  | { to: 'needs_revision'; public_note?: string; fields: string[] };

/** The application as its agency's officer sees it (answers, files, the whole history). */
export async function officerView(code: string): Promise<OfficerApplication> {
  const { status, body } = await commands.officer({ ...officer, method: 'GET', path: path(code) });
  expect(status, JSON.stringify(body)).toBe(200);
  return body as OfficerApplication;
}

/** The officer moves a submitted application on, one transition after another (`in_review` first). */
export async function officerMoves(code: string, ...moves: OfficerMove[]): Promise<void> {
  for (const body of moves) {
    const answer = await commands.officer({
      ...officer,
      method: 'POST',
      path: path(code, '/transitions'),
      body,
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  }
}

/** How many times the application was submitted, from its officer history. */
export const submissions = async (code: string) =>
  (await officerView(code)).history.filter((entry) => entry.to === 'submitted').length;

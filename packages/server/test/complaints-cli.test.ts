import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { run } from '../src/cli/complaints.js';
import { complaintDue } from '../src/complaints/target.js';
import type { Db } from '../src/db/index.js';
import { createTestDb } from './helpers/db.js';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db?.close());

async function complaints(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void out.push(parts.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void err.push(parts.join(' ')));
  const code = await run(args, { withDb: ((fn: (db: Db) => Promise<unknown>) => fn(db)) as never });
  vi.restoreAllMocks();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

it('sets, lists and removes an agency’s own complaint response target', async () => {
  const filed = new Date('2027-01-11T02:00:00Z');
  expect(await complaintDue(db, 'dukcapil', filed)).toMatchObject({ working_days: 5, basis: 'default' });
  expect(await complaints('target', 'dukcapil', '3', '--source', 'https://example.org/sk')).toMatchObject({
    code: 0,
  });
  expect(await complaintDue(db, 'dukcapil', filed)).toMatchObject({ working_days: 3, basis: 'agency' });
  expect((await complaints('targets')).out).toBe('dukcapil\t3\thttps://example.org/sk');
  expect((await complaints('target', 'dukcapil', '0')).code).toBe(1);
  expect((await complaints('target', 'no-such-agency', '3')).err).toMatch(/no agency "no-such-agency"/);
  expect((await complaints('target', 'dukcapil', '--default')).code).toBe(0);
  expect(await complaintDue(db, 'dukcapil', filed)).toMatchObject({ working_days: 5, basis: 'default' });
});

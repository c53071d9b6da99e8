import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseOrigin, run } from '../src/cli/origins.js';
import type { Db } from '../src/db/index.js';
import { createTestDb } from './helpers/db.js';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db?.close());
afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs `loket-server origins …` against the test database, capturing what it prints. */
async function origins(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void out.push(parts.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void err.push(parts.join(' ')));
  const withDb = <T>(fn: (db: Db) => Promise<T>) => fn(db);
  const code = await run(args, { withDb: withDb as never });
  vi.restoreAllMocks();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const stored = async () =>
  (
    await db.query<{ region_code: string; origin: string }>(
      'select region_code, origin from region_origin order by 1, 2',
    )
  ).map((r) => `${r.region_code} ${r.origin}`);

describe('loket-server origins', () => {
  it('adds (normalized), lists and removes origins per region', async () => {
    expect(await origins('add', '33.74', 'https://SemarangKota.go.id/')).toMatchObject({
      code: 0,
      out: 'allowed https://semarangkota.go.id for region 33.74',
    });
    expect((await origins('add', '33', 'https://jatengprov.go.id')).out).toMatch(/and its kabupaten\/kota/);
    expect((await origins('add', '33.74', 'http://localhost:5173')).code).toBe(0);
    // Adding twice is harmless.
    expect((await origins('add', '33.74', 'https://semarangkota.go.id')).code).toBe(0);
    expect(await stored()).toEqual([
      '33 https://jatengprov.go.id',
      '33.74 http://localhost:5173',
      '33.74 https://semarangkota.go.id',
    ]);

    const all = await origins('list');
    expect(all.code).toBe(0);
    expect(all.out.split('\n')).toEqual([
      '33\thttps://jatengprov.go.id',
      '33.74\thttp://localhost:5173',
      '33.74\thttps://semarangkota.go.id',
    ]);
    expect((await origins('list', '33')).out).toBe('33\thttps://jatengprov.go.id');
    expect(await origins('list', '33.01')).toMatchObject({
      code: 0,
      out: '',
      err: 'no origins allowed for region 33.01',
    });

    expect(await origins('remove', '33.74', 'https://semarangkota.go.id/')).toMatchObject({ code: 0 });
    const again = await origins('remove', '33.74', 'https://semarangkota.go.id');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/was not allowed for region 33.74/);
    expect(await stored()).toEqual(['33 https://jatengprov.go.id', '33.74 http://localhost:5173']);
  });

  it('warns about plain http for a real site but allows it', async () => {
    const { code, err } = await origins('add', '33.01', 'http://cilacapkab.go.id');
    expect(code).toBe(0);
    expect(err).toMatch(/not https/);
  });

  it('refuses paths, wildcards, non-origins and unknown regions with clear messages and exit 1', async () => {
    const before = await stored();
    const cases: [string[], RegExp][] = [
      [
        ['add', '33.74', 'https://semarangkota.go.id/layanan'],
        /has a path.*e\.g\. https:\/\/semarangkota\.go\.id/,
      ],
      [['add', '33.74', 'https://semarangkota.go.id/?x=1'], /path, query or fragment/],
      [['add', '33.74', 'https://semarangkota.go.id#top'], /path, query or fragment/],
      [['add', '33.74', 'https://*.semarangkota.go.id'], /wildcard/],
      [['add', '33.74', '*'], /wildcard/],
      [['add', '33.74', 'semarangkota.go.id'], /must start with https:\/\//],
      [['add', '33.74', 'ftp://semarangkota.go.id'], /must start with https:\/\//],
      [['add', '33.74', 'https://user:pw@semarangkota.go.id'], /user name or password/],
      [['add', '33.99', 'https://semarangkota.go.id'], /no region with code "33.99"/],
      [['add', 'semarang', 'https://semarangkota.go.id'], /not a Kemendagri code/],
      [['add', '33.74'], /needs REGION ORIGIN/],
      [['list', '99'], /no region with code "99"/],
      [['remove', '33.74', 'https://x.go.id/path'], /has a path/],
      [['rename'], /unknown origins command "rename"/],
      [[], /loket-server origins <command>/],
    ];
    for (const [args, message] of cases) {
      const { code, err, out } = await origins(...args);
      expect(code, args.join(' ')).toBe(1);
      expect(err).toMatch(message);
      expect(out).toBe('');
    }
    expect(await stored()).toEqual(before);
    expect((await origins('--help')).code).toBe(0);
  });

  it('parses origins exactly as browsers send them', () => {
    expect(parseOrigin('https://Example.GO.id:443')).toEqual({ origin: 'https://example.go.id' });
    expect(parseOrigin('http://localhost:8080/')).toEqual({ origin: 'http://localhost:8080' });
    expect(parseOrigin('https://example.go.id/.')).toHaveProperty('error');
    expect(parseOrigin('https://')).toHaveProperty('error');
  });
});

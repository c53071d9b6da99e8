import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../src/cli/officer.js';
import type { Db } from '../src/db/index.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { checkResponse } from './helpers/contract.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());
afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs `loket-server officer …` against the test database, capturing what it prints. */
async function officer(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void out.push(parts.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void err.push(parts.join(' ')));
  const withDb = <T>(fn: (db: Db) => Promise<T>) => fn(server.db);
  const code = await run(args, { withDb: withDb as never });
  vi.restoreAllMocks();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function queueStatus(token: string) {
  const path = '/v1/officer/applications';
  const response = await fetch(server.url + path, { headers: { authorization: `Bearer ${token}` } });
  const body = await response.json();
  expect(checkResponse('GET', path, response.status, response.headers.get('content-type'), body)).toEqual([]);
  return response.status;
}

describe('loket-server officer', () => {
  it('creates a token shown once, stores only its SHA-256, and the token authenticates', async () => {
    const { code, out, err } = await officer(
      'create',
      '--name',
      'Siti (Dukcapil Semarang)',
      '--agency',
      'dukcapil',
      '--region',
      '33.74',
    );
    expect(code).toBe(0);
    expect(err).toMatch(/shown only once/);
    const token = /^token: +(\S+)$/m.exec(out)?.[1] as string;
    const id = /^id: +(\S+)$/m.exec(out)?.[1] as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes, base64url
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const rows = await server.db.query<{ token_hash: string; name: string }>(
      'select token_hash, name from officer_token where id = $1',
      [id],
    );
    expect(rows[0]?.name).toBe('Siti (Dukcapil Semarang)');
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]?.token_hash).not.toContain(token);
    expect(await queueStatus(token)).toBe(200);

    const listed = await officer('list', '--agency', 'dukcapil');
    expect(listed.code).toBe(0);
    expect(listed.out).toContain(id);
    expect(listed.out).toContain('Siti (Dukcapil Semarang)');
    expect(listed.out).not.toContain(token);
    expect(listed.out).not.toContain(rows[0]?.token_hash);

    const revoked = await officer('revoke', id);
    expect(revoked).toMatchObject({ code: 0 });
    expect(revoked.out).toMatch(/^revoked /);
    expect(await queueStatus(token)).toBe(401);
    const again = await officer('revoke', id);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/already revoked/);
    const afterwards = await officer('list', '--json');
    const entry = JSON.parse(afterwards.out).find((t: { id: string }) => t.id === id);
    expect(entry).toMatchObject({ agency: 'dukcapil', region: '33.74' });
    expect(entry.revoked_at).toEqual(expect.any(String));
    expect(entry).not.toHaveProperty('token');
  });

  it('prints JSON for scripts, and filters the list by agency and region', async () => {
    const created = await officer(
      'create',
      '--name',
      'Dukcapil Jateng',
      '--agency',
      'dukcapil',
      '--region',
      '33',
      '--json',
    );
    expect(created.code).toBe(0);
    const info = JSON.parse(created.out);
    expect(info).toMatchObject({
      name: 'Dukcapil Jateng',
      agency: 'dukcapil',
      region: '33',
      revoked_at: null,
    });
    expect(await queueStatus(info.token)).toBe(200);
    await officer('create', '--name', 'Imigrasi Semarang', '--agency', 'imigrasi', '--region', '33.74');
    const dukcapil = JSON.parse((await officer('list', '--agency', 'dukcapil', '--json')).out);
    expect(dukcapil.every((t: { agency: string }) => t.agency === 'dukcapil')).toBe(true);
    expect(dukcapil.map((t: { name: string }) => t.name)).toContain('Dukcapil Jateng');
    const region = JSON.parse((await officer('list', '--region', '33', '--json')).out);
    expect(region.map((t: { name: string }) => t.name)).toEqual(['Dukcapil Jateng']);
    const none = await officer('list', '--agency', 'bpn');
    expect(none).toMatchObject({ code: 0, out: '' });
  });

  it('refuses unknown agencies and regions, missing options and bad ids with clear messages and exit 1', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['create', '--name', 'X', '--agency', 'dukcapilx', '--region', '33.74'],
        /no agency "dukcapilx"; known agencies: .*dukcapil/,
      ],
      [['create', '--name', 'X', '--agency', 'dukcapil', '--region', '33.99'], /no region with code "33.99"/],
      [['create', '--name', 'X', '--agency', 'dukcapil', '--region', 'semarang'], /not a Kemendagri code/],
      [['create', '--agency', 'dukcapil'], /needs --name, --region/],
      [['create', '--name', '   ', '--agency', 'dukcapil', '--region', '33.74'], /must not be empty/],
      [
        ['create', '--name', 'X', '--agency', 'dukcapil', '--region', '33.74', '--colour', 'red'],
        /Unknown option '--colour'/,
      ],
      [['revoke'], /exactly one token ID/],
      [['revoke', 'not-a-uuid'], /no officer token with id "not-a-uuid"/],
      [['revoke', '00000000-0000-4000-8000-000000000000'], /no officer token/],
      [['promote'], /unknown officer command "promote"/],
      [[], /loket-server officer <command>/],
    ];
    const [{ n: before }] = (await server.db.query('select count(*)::int as n from officer_token')) as [
      { n: number },
    ];
    for (const [args, message] of cases) {
      const { code, err, out } = await officer(...args);
      expect(code, args.join(' ')).toBe(1);
      expect(err).toMatch(message);
      expect(out).toBe('');
    }
    const [{ n: after }] = (await server.db.query('select count(*)::int as n from officer_token')) as [
      { n: number },
    ];
    expect(after).toBe(before);
    expect((await officer('--help')).code).toBe(0);
  });
});

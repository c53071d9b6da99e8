import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../src/cli/officers.js';
import type { Db } from '../src/db/index.js';
import { readAudit } from '../src/officers/audit.js';
import { verifyPassword } from '../src/officers/passwords.js';
import { totpCode } from '../src/officers/totp.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { desk } from './helpers/desk.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());
afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs `loket-server officers …` against the test database, with `input` as standard input. */
async function officers(input: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void out.push(parts.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void err.push(parts.join(' ')));
  const stdin = process.stdin as unknown as { isTTY?: boolean; [Symbol.asyncIterator]: unknown };
  const realIterator = stdin[Symbol.asyncIterator];
  stdin[Symbol.asyncIterator] = async function* () {
    yield Buffer.from(input);
  };
  const withDb = <T>(fn: (db: Db) => Promise<T>) => fn(server.db);
  try {
    const code = await run(args, { withDb: withDb as never });
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    stdin[Symbol.asyncIterator] = realIterator;
    vi.restoreAllMocks();
  }
}

const url = () => server.url;

describe('loket-server officers', () => {
  it('adds an account with a scrypt-hashed password read from standard input', async () => {
    const add = await officers(
      'sandi panjang sekali\n',
      'add',
      '--username',
      'Siti.Dukcapil',
      '--name',
      'Siti Rahayu',
      '--agency',
      'dukcapil',
      '--region',
      '33.74',
      '--role',
      'officer,supervisor',
    );
    expect(add).toMatchObject({ code: 0 });
    expect(add.out).toMatch(/added siti\.dukcapil \(Siti Rahayu\): dukcapil in 33\.74, officer, supervisor/);
    const [row] = await server.db.query<{ password_hash: string }>(
      "select password_hash from officer_account where username = 'siti.dukcapil'",
    );
    expect(row?.password_hash).toMatch(/^scrypt\$N=32768,r=8,p=1\$/);
    expect(row?.password_hash).not.toContain('sandi');
    expect(await verifyPassword('sandi panjang sekali', row?.password_hash as string)).toBe(true);
    expect((await desk(url).signIn('siti.dukcapil', 'sandi panjang sekali')).status).toBe(200);
  });

  it('always enrols an admin in TOTP and prints the otpauth:// URI once', async () => {
    const add = await officers(
      'kunci rahasia 123\n',
      'add',
      '--username',
      'admin',
      '--name',
      'Admin Jateng',
      '--agency',
      'dukcapil',
      '--region',
      '33',
      '--role',
      'admin',
      '--json',
    );
    expect(add.code).toBe(0);
    const made = JSON.parse(add.out) as {
      totp: boolean;
      totp_secret: string;
      totp_uri: string;
      roles: string[];
    };
    expect(made).toMatchObject({ totp: true, roles: ['admin'] });
    expect(made.totp_uri).toBe(
      `otpauth://totp/Loket:admin?issuer=Loket&secret=${made.totp_secret}&algorithm=SHA1&digits=6&period=30`,
    );
    const d = desk(url, '198.51.100.1');
    expect((await d.signIn('admin', 'kunci rahasia 123', totpCode(made.totp_secret))).status).toBe(200);
    // A new key: the old one stops working, and so do the account's sessions.
    const reset = await officers('', 'reset-totp', 'admin');
    expect(reset.code).toBe(0);
    const secret = /^totp secret: (\S+)$/m.exec(reset.out)?.[1] as string;
    expect(reset.out).toMatch(/^totp uri: +otpauth:\/\/totp\//m);
    expect(secret).not.toBe(made.totp_secret);
    expect((await d.call('GET', '/v1/officer/session')).status).toBe(401);
  });

  it('refuses weak passwords, unknown roles, agencies and regions with a clear message', async () => {
    const base = [
      'add',
      '--username',
      'budi',
      '--name',
      'Budi',
      '--agency',
      'dukcapil',
      '--region',
      '33.74',
      '--role',
      'officer',
    ];
    expect(await officers('short\n', ...base)).toMatchObject({
      code: 1,
      err: 'the password must be at least 12 characters',
    });
    expect(await officers('budi budi budi budi\n', ...base)).toMatchObject({
      code: 1,
      err: 'the password must not contain the username',
    });
    const role = base.slice(0, -1).concat('clerk');
    expect((await officers('long enough password\n', ...role)).err).toMatch(
      /unknown role "clerk": the roles are officer, supervisor, admin/,
    );
    const agency = base.map((a) => (a === 'dukcapil' ? 'nope' : a));
    expect((await officers('long enough password\n', ...agency)).err).toMatch(/there is no agency "nope"/);
    expect((await officers('long enough password\n', ...base, '--sso-only')).code).toBe(0);
    expect((await officers('long enough password\n', ...base)).err).toMatch(/already an account "budi"/);
  });

  it('lists accounts without secrets, sets a new password, disables and enables', async () => {
    const list = await officers('', 'list', '--json');
    const accounts = JSON.parse(list.out) as { username: string; password: boolean }[];
    expect(accounts.map((a) => a.username)).toEqual(['admin', 'budi', 'siti.dukcapil']);
    expect(list.out).not.toMatch(/scrypt|totp_secret/);
    expect(accounts.find((a) => a.username === 'budi')?.password).toBe(false);
    const d = desk(url, '198.51.100.2');
    expect((await d.signIn('siti.dukcapil', 'sandi panjang sekali')).status).toBe(200);
    expect((await officers('sandi baru yang panjang\n', 'set-password', 'siti.dukcapil')).code).toBe(0);
    expect((await d.call('GET', '/v1/officer/session')).status).toBe(401);
    expect((await d.signIn('siti.dukcapil', 'sandi baru yang panjang')).status).toBe(200);
    expect((await officers('', 'disable', 'siti.dukcapil')).out).toMatch(
      /disabled siti\.dukcapil; its sessions ended/,
    );
    expect((await d.call('GET', '/v1/officer/session')).status).toBe(401);
    expect((await d.signIn('siti.dukcapil', 'sandi baru yang panjang')).status).toBe(401);
    expect((await officers('', 'enable', 'siti.dukcapil')).code).toBe(0);
    expect((await d.signIn('siti.dukcapil', 'sandi baru yang panjang')).status).toBe(200);
    expect((await officers('', 'disable', 'nobody')).err).toMatch(/there is no account "nobody"/);
    const events = (await readAudit(server.db, { username: 'siti.dukcapil', limit: 100 })).map(
      (r) => r.event,
    );
    expect(events).toEqual(
      expect.arrayContaining(['account-added', 'password-set', 'account-disabled', 'account-enabled']),
    );
  });
  it('sets roles (the desk’s admin screen calls the same function): made admin, a TOTP key is enrolled', async () => {
    const set = await officers('', 'set-roles', 'budi', '--role', 'supervisor,admin');
    expect(set.code).toBe(0);
    expect(set.out).toMatch(/budi now has the roles supervisor, admin; its sessions ended/);
    expect(set.out).toMatch(/^totp uri: +otpauth:\/\/totp\//m);
    expect((await officers('', 'set-roles', 'budi', '--role', 'boss')).err).toMatch(/unknown role "boss"/);
    const [last] = await readAudit(server.db, { username: 'budi', limit: 1 });
    expect(last).toMatchObject({ event: 'roles-set', actor: 'cli', detail: { before: ['officer'] } });
  });
});

import { describe, expect, it } from 'vitest';
import { createLoketCore } from '../src/index.js';
import {
  addOrigin,
  createAccount,
  getWorkload,
  listAccounts,
  listOrigins,
  removeOrigin,
  resetAccountTotp,
  setAccountRoles,
  switchAccount,
} from '../src/officer.js';
import { fakeFetch, json } from './fake-fetch.js';

// The desk's supervisor and admin operations (@loket/sdk/officer), called with a session's core.
const origin = { region: '33.74', origin: 'https://semarangkota.go.id' };
type Call = [
  string,
  (core: ReturnType<typeof createLoketCore>) => Promise<unknown>,
  string,
  string,
  unknown?,
];
const calls: Call[] = [
  ['getWorkload', (c) => getWorkload(c), 'GET', '/v1/officer/workload'],
  ['listAccounts', (c) => listAccounts(c), 'GET', '/v1/officer/accounts'],
  [
    'createAccount',
    (c) => createAccount(c, { username: 'siti', name: 'Siti', region: '33.74', roles: ['officer'] }),
    'POST',
    '/v1/officer/accounts',
    { username: 'siti', name: 'Siti', region: '33.74', roles: ['officer'] },
  ],
  ['switchAccount', (c) => switchAccount(c, 'siti', 'disable'), 'POST', '/v1/officer/accounts/siti/disable'],
  ['resetAccountTotp', (c) => resetAccountTotp(c, 'siti'), 'POST', '/v1/officer/accounts/siti/totp'],
  [
    'setAccountRoles',
    (c) => setAccountRoles(c, 'siti', ['supervisor']),
    'PUT',
    '/v1/officer/accounts/siti/roles',
    { roles: ['supervisor'] },
  ],
  ['listOrigins', (c) => listOrigins(c), 'GET', '/v1/officer/origins'],
  ['addOrigin', (c) => addOrigin(c, origin), 'POST', '/v1/officer/origins', origin],
];

describe('the desk’s admin operations', () => {
  it.each(calls)('%s sends its method, path and body', async (_, call, method, path, body) => {
    let sent: unknown;
    const fake = fakeFetch(async (request) => {
      const text = await request.clone().text();
      sent = text ? JSON.parse(text) : undefined;
      return json({});
    });
    await call(createLoketCore({ baseUrl: 'http://api.test', fetch: fake.fetch, retry: 0 }));
    const request = fake.requests[0];
    expect(request?.method).toBe(method);
    expect(new URL(request?.url ?? '').pathname).toBe(path);
    expect(sent).toEqual(body);
  });

  it('removeOrigin names the origin in the query', async () => {
    const fake = fakeFetch(async () => new Response(null, { status: 204 }));
    await removeOrigin(createLoketCore({ baseUrl: 'http://api.test', fetch: fake.fetch, retry: 0 }), origin);
    const url = new URL(fake.requests[0]?.url ?? '');
    expect([fake.requests[0]?.method, url.pathname, url.searchParams.get('origin')]).toEqual([
      'DELETE',
      '/v1/officer/origins',
      'https://semarangkota.go.id',
    ]);
  });
});

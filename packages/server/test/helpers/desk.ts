import { expect } from 'vitest';
import { newId, newTrackingCode, sha256Hex } from '../../src/applications/secrets.js';
import type { Db } from '../../src/db/index.js';
import { addAccount, type NewAccount } from '../../src/officers/accounts.js';
import { checkResponse } from './contract.js';

export const password = 'kata sandi yang panjang';

/** An account with the test password (and its TOTP key when it has one). */
export async function account(db: Db, spec: Partial<NewAccount> & { username: string }) {
  return addAccount(db, {
    name: `Petugas ${spec.username}`,
    agency: 'dukcapil',
    region: '33.74',
    roles: ['officer'],
    password,
    ...spec,
  });
}

/** A submitted application written directly (the citizen endpoints are not under test here). */
export async function submittedApplication(db: Db, agency = 'dukcapil', region = '33.74') {
  const id = newId();
  const code = newTrackingCode();
  await db.query(
    `insert into application (id, code, secret_hash, service_id, region_code, agency_id, form_version, status,
       answers, submitted_at, due_date, due_working_days, due_calendar)
     values ($1, $2, $3, 'ktp-el-hilang', $4, $5, 1, 'submitted', '{}'::jsonb, now(), '2026-03-16', 10, 'official')`,
    [id, code, sha256Hex('secret'), region, agency],
  );
  return { id, code };
}

export interface Call {
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * A browser-like client of the desk on `baseUrl`: keeps the session cookie it is given (as a
 * browser with SameSite=Strict would on the same site), sends `x-loket-csrf` when told, and
 * checks every answer against the contract.
 */
export function desk(baseUrl: () => string, address = '203.0.113.10') {
  let cookie: string | undefined;
  const call = async (
    method: string,
    path: string,
    options: { body?: unknown; csrf?: string; headers?: Record<string, string> } = {},
  ): Promise<Call> => {
    const headers: Record<string, string> = { 'x-forwarded-for': address, ...options.headers };
    if (cookie) headers.cookie = cookie;
    if (options.csrf) headers['x-loket-csrf'] = options.csrf;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(baseUrl() + path, {
      method,
      headers,
      redirect: 'manual',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    const set = response.headers.get('set-cookie');
    if (set?.startsWith('loket_officer=')) {
      const value = /^loket_officer=([^;]*)/.exec(set)?.[1] ?? '';
      cookie = /Max-Age=0/.test(set) || !value ? undefined : `loket_officer=${value}`;
    }
    const text = await response.text();
    const body = text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text;
    const template = path.split('?')[0] as string;
    expect(
      checkResponse(method, template, response.status, response.headers.get('content-type'), body),
    ).toEqual([]);
    return { status: response.status, headers: response.headers, body };
  };
  return {
    call,
    get cookie() {
      return cookie;
    },
    set cookie(value: string | undefined) {
      cookie = value;
    },
    signIn: (username: string, pass = password, totp?: string) =>
      call('POST', '/v1/officer/session', { body: { username, password: pass, ...(totp ? { totp } : {}) } }),
  };
}

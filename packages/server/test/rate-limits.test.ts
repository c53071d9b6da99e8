import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadNationalComplaintChannels } from '../src/complaints.js';
import { loadConfig } from '../src/config.js';
import type { Db } from '../src/db/index.js';
import { openPostgres } from '../src/db/postgres.js';
import { defaultLimits, type Limits } from '../src/limits.js';
import { generousLimits } from './helpers/app.js';
import { checkResponse } from './helpers/contract.js';
import { createTestDb, engine } from './helpers/db.js';

let db: Db & { url?: string };
const apps: FastifyInstance[] = [];
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await db?.close();
});

async function app(limits: Partial<Limits>, options: { trustProxy?: string[]; db?: Db } = {}) {
  const built = await buildApp({
    db: options.db ?? db,
    nationalComplaintChannels: await loadNationalComplaintChannels(),
    responseCache: false,
    uploadsDir: '/nonexistent/loket-uploads',
    limits: { ...generousLimits, ...limits },
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
  });
  apps.push(built);
  return built;
}

let addresses = 0;
/** A client address no other test used (counters live in the shared database). */
const newAddress = () =>
  `10.${engine === 'postgres' ? 2 : 1}.${Math.floor(++addresses / 250)}.${addresses % 250}`;

/** Sends `count` requests from one address, one after the other; the statuses in order. */
async function statuses(target: FastifyInstance, count: number, request: InjectOptions): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push((await target.inject(request)).statusCode);
  return out;
}

const tally = (list: number[]) =>
  list.reduce<Record<number, number>>((acc, s) => {
    acc[s] = (acc[s] ?? 0) + 1;
    return acc;
  }, {});

const code = 'LKT-0000-0000-0000';

describe('rate limits per client address', () => {
  it('hold at their real defaults: reads, writes, status lookups, uploads and drafts each their own', async () => {
    // The lockout (lockout.test.ts) would answer first: these requests carry no secret.
    const real = await app({ ...defaultLimits, lockout: { max: 0, windowMs: 60_000 } });
    const cases: [keyof Limits & string, number, InjectOptions][] = [
      ['lookups', defaultLimits.lookups.max, { method: 'GET', url: `/v1/applications/${code}/status` }],
      ['uploads', defaultLimits.uploads.max, { method: 'POST', url: `/v1/applications/${code}/attachments` }],
      ['drafts', defaultLimits.drafts.max, { method: 'POST', url: '/v1/applications', payload: {} }],
      ['writes', defaultLimits.writes.max, { method: 'PATCH', url: `/v1/applications/${code}`, payload: {} }],
      ['reads', defaultLimits.reads.max, { method: 'GET', url: '/health/live' }],
    ];
    for (const [kind, max, request] of cases) {
      const remoteAddress = newAddress();
      const list = await statuses(real, max + 1, { ...request, remoteAddress });
      expect(list.slice(0, max), kind).not.toContain(429);
      expect(list[max], kind).toBe(429);
      // Another address is not affected.
      expect((await real.inject({ ...request, remoteAddress: newAddress() })).statusCode, kind).not.toBe(429);
    }
    expect(defaultLimits).toMatchObject({
      reads: { max: 1200, windowMs: 60_000 },
      writes: { max: 300, windowMs: 60_000 },
      lookups: { max: 120, windowMs: 60_000 },
      uploads: { max: 60, windowMs: 60_000 },
      drafts: { max: 100, windowMs: 3_600_000 },
    });
  });

  it('count a booking opened by code and secret as a status lookup', async () => {
    const limited = await app({
      reads: { max: 100, windowMs: 60_000 },
      lookups: { max: 2, windowMs: 60_000 },
    });
    const remoteAddress = newAddress();
    const url = '/v1/bookings/ANT-0000-0000';
    const got = await statuses(limited, 3, { method: 'GET', url, remoteAddress });
    expect(got.slice(0, 2)).not.toContain(429);
    expect(got[2]).toBe(429);
  });

  it('count every route a code and secret open as status lookups: the application, status, receipt, result, survey', async () => {
    const limited = await app({
      reads: { max: 100, windowMs: 60_000 },
      lookups: { max: 4, windowMs: 60_000 },
    });
    const remoteAddress = newAddress();
    const tails = ['', '/status', '/receipt', '/result', '/survey'];
    for (const last of tails) {
      const urls = [...tails.filter((t) => t !== last), last].map((t) => `/v1/applications/${code}${t}`);
      const address = `${remoteAddress}`.replace(/\.\d+$/, `.${200 + tails.indexOf(last)}`);
      const got = [];
      for (const url of urls)
        got.push((await limited.inject({ method: 'GET', url, remoteAddress: address })).statusCode);
      expect(got.slice(0, 4)).not.toContain(429);
      expect(got[4]).toBe(429);
    }
  });

  it('count the complaint form’s news-channel question (a code and secret proven) as a lookup', async () => {
    const limited = await app({
      writes: { max: 100, windowMs: 60_000 },
      lookups: { max: 2, windowMs: 60_000 },
    });
    const payload = { about: { kind: 'application', code, secret: 'AAAA-BBBB-CCCC-DDDD' } };
    const request = {
      method: 'POST',
      url: '/v1/news-channels',
      payload,
      remoteAddress: newAddress(),
    } as const;
    expect(await statuses(limited, 3, request)).toEqual([404, 404, 429]);
  });

  it('answer 429 problem+json with Retry-After, localized, as the contract says; unknown routes count too', async () => {
    const limited = await app({ reads: { max: 2, windowMs: 60_000 }, lookups: { max: 1, windowMs: 60_000 } });
    const remoteAddress = newAddress();
    expect(await statuses(limited, 3, { method: 'GET', url: '/v1/no-such-thing', remoteAddress })).toEqual([
      404, 404, 429,
    ]);
    const url = `/v1/applications/${code}/status`;
    await limited.inject({ method: 'GET', url, remoteAddress });
    for (const [lang, words] of [
      ['en', /Too many requests\. Try again in \d+ seconds\./],
      ['id', /Terlalu banyak permintaan\. Coba lagi dalam \d+ detik\./],
    ] as const) {
      const res = await limited.inject({
        method: 'GET',
        url,
        remoteAddress,
        headers: { 'accept-language': lang },
      });
      expect(res.statusCode).toBe(429);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const retryAfter = Number(res.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      const body = res.json();
      expect(body).toMatchObject({ type: 'urn:loket:problem:too-many-requests', status: 429 });
      expect(body.detail).toMatch(words);
      expect(checkResponse('GET', url, 429, res.headers['content-type'] as string, body)).toEqual([]);
    }
  });

  it('start again when the window ends', async () => {
    const limited = await app({ writes: { max: 2, windowMs: 1000 } });
    const request: InjectOptions = {
      method: 'POST',
      url: `/v1/applications/${code}/withdraw`,
      remoteAddress: newAddress(),
    };
    expect((await statuses(limited, 3, request)).at(-1)).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await limited.inject(request)).statusCode).not.toBe(429);
  });

  it('count behind a trusted reverse proxy by the forwarded address, and only then', async () => {
    const limits = { reads: { max: 3, windowMs: 60_000 } };
    const proxy = newAddress();
    const behindProxy = await app(limits, { trustProxy: [proxy] });
    const forwarded = (client: string): InjectOptions => ({
      method: 'GET',
      url: '/health/live',
      remoteAddress: proxy,
      headers: { 'x-forwarded-for': client },
    });
    const [a, b] = [newAddress(), newAddress()];
    expect(await statuses(behindProxy, 4, forwarded(a))).toEqual([200, 200, 200, 429]);
    expect((await behindProxy.inject(forwarded(b))).statusCode).toBe(200);

    // Without a trusted proxy, X-Forwarded-For is the client's own say: it changes nothing.
    const direct = await app(limits);
    const client = newAddress();
    const spoofed = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => direct.inject({ ...forwarded(`192.0.2.${i}`), remoteAddress: client })),
    );
    expect(tally(spoofed.map((r) => r.statusCode))).toEqual({ 200: 3, 429: 2 });
    // Nor from an address that is not the configured proxy.
    const other = newAddress();
    const notProxy = await statuses(behindProxy, 4, { ...forwarded(newAddress()), remoteAddress: other });
    expect(notProxy).toEqual([200, 200, 200, 429]);
  });

  it('never apply to an allowed address', async () => {
    const kiosk = newAddress();
    const limited = await app({ reads: { max: 1, windowMs: 60_000 }, allow: [kiosk] });
    expect(await statuses(limited, 5, { method: 'GET', url: '/health/live', remoteAddress: kiosk })).toEqual([
      200, 200, 200, 200, 200,
    ]);
  });

  it('hold across instances sharing the database, under concurrency', async () => {
    // Two instances, each with its own connection pool on PostgreSQL (one process on PGlite).
    const second: Db = engine === 'postgres' && db.url ? openPostgres(db.url, { max: 5 }) : db;
    const limits = { lookups: { max: 20, windowMs: 60_000 } };
    const one = await app(limits);
    const two = await app(limits, { db: second });
    try {
      const remoteAddress = newAddress();
      const url = `/v1/applications/${code}/status`;
      const replies = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          (i % 2 ? one : two).inject({ method: 'GET', url, remoteAddress }),
        ),
      );
      expect(tally(replies.map((r) => r.statusCode))).toEqual({ 404: 20, 429: 30 });
    } finally {
      if (second !== db) await second.close();
    }
  });
});

describe('limits from the environment', () => {
  it('reads every limit and the trusted proxies; refuses to trust every sender', () => {
    const config = loadConfig({
      LOKET_LIMIT_READS: '10',
      LOKET_LIMIT_WRITES: '0',
      LOKET_LIMIT_LOOKUPS: '7',
      LOKET_LIMIT_UPLOADS: '3',
      LOKET_LIMIT_DRAFTS: '4',
      LOKET_LOCKOUT_ATTEMPTS: '5',
      LOKET_LOCKOUT_MINUTES: '2',
      LOKET_KIOSK_PER_MINUTE: '3',
      LOKET_KIOSK_PER_DAY: '90',
      LOKET_LIMIT_RECOVERIES: '6',
      LOKET_RECOVERY_PER_CODE: '2',
      LOKET_LIMIT_SIGNINS: '8',
      LOKET_SIGNIN_LOCKOUT_ATTEMPTS: '4',
      LOKET_SIGNIN_LOCKOUT_MINUTES: '30',
      LOKET_LIMIT_ALLOW: '192.0.2.7, 2001:db8::1',
      LOKET_APPLICATION_FILES_MB: '20',
      LOKET_UPLOADS_MIN_FREE_MB: '512',
      LOKET_TRUST_PROXY: '10.0.0.5, 10.1.0.0/16',
    });
    expect(config.limits).toEqual({
      reads: { max: 10, windowMs: 60_000 },
      writes: { max: 0, windowMs: 60_000 },
      lookups: { max: 7, windowMs: 60_000 },
      uploads: { max: 3, windowMs: 60_000 },
      drafts: { max: 4, windowMs: 3_600_000 },
      lockout: { max: 5, windowMs: 120_000 },
      kioskPerMinute: { max: 3, windowMs: 60_000 },
      kioskPerDay: { max: 90, windowMs: 86_400_000 },
      recoveries: { max: 6, windowMs: 3_600_000 },
      recoveryPerCode: { max: 2, windowMs: 3_600_000 },
      signIns: { max: 8, windowMs: 900_000 },
      signInLockout: { max: 4, windowMs: 1_800_000 },
      allow: ['192.0.2.7', '2001:db8::1'],
      applicationBytes: 20 * 1024 * 1024,
      minFreeBytes: 512 * 1024 * 1024,
    });
    expect(config.trustProxy).toEqual(['10.0.0.5', '10.1.0.0/16']);
    expect(loadConfig({}).limits).toEqual(defaultLimits);
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ LOKET_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(() => loadConfig({ LOKET_TRUST_PROXY: 'true' })).toThrow(/any client choose its address/);
    expect(() => loadConfig({ LOKET_LIMIT_READS: 'many' })).toThrow(
      /LOKET_LIMIT_READS must be a whole number/,
    );
  });

  it('a limit of 0 is off', async () => {
    const open = await app({ writes: { max: 0, windowMs: 60_000 } });
    const list = await statuses(open, 5, {
      method: 'PATCH',
      url: `/v1/applications/${code}`,
      payload: {},
      remoteAddress: newAddress(),
    });
    expect(list).not.toContain(429);
  });
});

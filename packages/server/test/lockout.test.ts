import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadNationalComplaintChannels } from '../src/complaints.js';
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

async function app(limits: Partial<Limits>, other?: Db) {
  const built = await buildApp({
    db: other ?? db,
    nationalComplaintChannels: await loadNationalComplaintChannels(),
    responseCache: false,
    uploadsDir: '/nonexistent/loket-uploads',
    limits: { ...generousLimits, ...limits },
  });
  apps.push(built);
  return built;
}

let clients = 0;
const client = () => `10.9.${Math.floor(++clients / 250)}.${clients % 250}`;

async function draft(target: FastifyInstance) {
  const res = await target.inject({
    method: 'POST',
    url: '/v1/applications',
    payload: { service: 'ktp-el-hilang', region: '33.74' },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { code: string; secret: string };
}

const status = (code: string, secret: string): InjectOptions => ({
  method: 'GET',
  url: `/v1/applications/${code}/status`,
  headers: { 'loket-secret': secret },
  remoteAddress: client(),
});

describe('lockout per tracking code', () => {
  it('after 10 wrong secrets the code answers 429 to everyone, the right secret too, until the window ends', async () => {
    expect(defaultLimits.lockout).toEqual({ max: 10, windowMs: 15 * 60_000 });
    const real = await app({ lockout: defaultLimits.lockout });
    const { code, secret } = await draft(real);
    expect((await real.inject(status(code, secret))).statusCode).toBe(200);
    for (let i = 0; i < 10; i++) expect((await real.inject(status(code, `wrong-${i}`))).statusCode).toBe(404);
    for (const res of [await real.inject(status(code, secret)), await real.inject(status(code, 'wrong'))]) {
      expect(res.statusCode).toBe(429);
      const retryAfter = Number(res.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(800);
      expect(retryAfter).toBeLessThanOrEqual(900);
      expect(res.json()).toMatchObject({ type: 'urn:loket:problem:too-many-requests', status: 429 });
      expect(
        checkResponse(
          'GET',
          `/v1/applications/${code}/status`,
          429,
          res.headers['content-type'] as string,
          res.json(),
        ),
      ).toEqual([]);
    }
    // Every operation on that code, not only the status.
    const resume = await real.inject({ ...status(code, secret), url: `/v1/applications/${code}` });
    expect(resume.statusCode).toBe(429);
    // Other codes are not affected.
    const other = await draft(real);
    expect((await real.inject(status(other.code, other.secret))).statusCode).toBe(200);
  });

  it('locks a code that does not exist the same way (nothing tells which codes exist)', async () => {
    const real = await app({ lockout: defaultLimits.lockout });
    const answers = [];
    for (let i = 0; i < 11; i++)
      answers.push((await real.inject(status('LKT-ZZZZ-ZZZZ-ZZZ0', `wrong-${i}`))).statusCode);
    expect(answers).toEqual([...Array(10).fill(404), 429]);
  });

  it('compares no more than 10 of 50 wrong secrets sent at the same moment', async () => {
    const real = await app({ lockout: defaultLimits.lockout });
    const { code, secret } = await draft(real);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => real.inject(status(code, `wrong-${i}`))),
    );
    const count = (status: number) => answers.filter((res) => res.statusCode === status).length;
    expect([count(404), count(429)]).toEqual([10, 40]);
    expect((await real.inject(status(code, secret))).statusCode).toBe(429);
  });

  it('is shared by instances on one database, and ends with its window', async () => {
    const second: Db = engine === 'postgres' && db.url ? openPostgres(db.url, { max: 5 }) : db;
    try {
      const lockout = { max: 4, windowMs: 1500 };
      const [one, two] = [await app({ lockout }), await app({ lockout }, second)];
      const { code, secret } = await draft(one);
      for (let i = 0; i < 4; i++) await (i % 2 ? one : two).inject(status(code, 'wrong'));
      expect((await one.inject(status(code, secret))).statusCode).toBe(429);
      expect((await two.inject(status(code, secret))).statusCode).toBe(429);
      await new Promise((resolve) => setTimeout(resolve, 1600));
      expect((await two.inject(status(code, secret))).statusCode).toBe(200);
    } finally {
      if (second !== db) await second.close();
    }
  });
});

describe('a wrong code and a wrong secret', () => {
  it('take the same time (medians of interleaved requests), even for an application with large answers', async () => {
    const target = await app({});
    const { code } = await draft(target);
    // Large stored answers: reading them for a wrong secret would stand out.
    await db.query(`update application set answers = $2::jsonb where code = $1`, [
      code.replace(/^LKT-/, '').replace(/-/g, ''),
      JSON.stringify(
        Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`catatan_${i}`, 'x'.repeat(1000)])),
      ),
    ]);
    const unknown = 'LKT-ZZZZ-ZZZZ-ZZZ1';
    const times: Record<'existing' | 'unknown', number[]> = { existing: [], unknown: [] };
    const time = async (which: 'existing' | 'unknown') => {
      const started = process.hrtime.bigint();
      const res = await target.inject(status(which === 'existing' ? code : unknown, 'wrong-secret'));
      times[which].push(Number(process.hrtime.bigint() - started) / 1000);
      expect(res.statusCode).toBe(404);
    };
    for (let i = 0; i < 20; i++) await time(i % 2 ? 'existing' : 'unknown'); // warm up
    times.existing = [];
    times.unknown = [];
    for (let i = 0; i < 300; i++) {
      // Alternate which goes first, so drift in load hits both alike.
      const order: ('existing' | 'unknown')[] = i % 2 ? ['existing', 'unknown'] : ['unknown', 'existing'];
      for (const which of order) await time(which);
    }
    const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] as number;
    const [a, b] = [median(times.existing), median(times.unknown)];
    console.info(
      `[timing] wrong secret on an existing code ${a.toFixed(0)} µs, unknown code ${b.toFixed(0)} µs (medians of 300)`,
    );
    // Tolerant: a busy machine adds noise, but reading 400 kB of answers costs far more than this.
    expect(Math.abs(a - b)).toBeLessThan(Math.max(150, 0.15 * Math.min(a, b)));
  });
});

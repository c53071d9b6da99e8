import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, Queryable } from '../src/db/index.js';
import { openPostgres } from '../src/db/postgres.js';
import { ReservingCounter } from '../src/http/rate-store.js';
import { createTestDb, engine } from './helpers/db.js';

let db: Db & { url?: string };
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db?.close();
});

/** The database, counting the statements sent to it. */
function counting(target: Queryable): Queryable & { writes: number } {
  const wrapped = {
    writes: 0,
    query: ((sql: string, params?: unknown[]) => {
      wrapped.writes += 1;
      return target.query(sql, params);
    }) as Queryable['query'],
    exec: (script: string) => target.exec(script),
  };
  return wrapped as Queryable & { writes: number };
}

let keys = 0;
const newKey = () => `test:${engine}:${++keys}:${Date.now()}`;

const sharedHits = async (key: string) =>
  (await db.query<{ hits: number }>('select hits from rate_counter where key = $1', [key]))[0]?.hits;

describe('ReservingCounter', () => {
  it('gives every hit its own place, in order, with one database write per run of hits', async () => {
    const spy = counting(db);
    const counter = new ReservingCounter(spy);
    const key = newKey();
    const places = [];
    for (let i = 0; i < 1000; i++) places.push((await counter.hit(key, 60_000, 1_000_000)).current);
    expect(places).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    // Runs of 256 (the most held ahead): 4 writes instead of 1000.
    expect(spy.writes).toBe(4);
    expect(await sharedHits(key)).toBe(1024);
  });

  it('near the limit asks the database for every hit, so the place is exact over instances', async () => {
    const spy = counting(db);
    const counter = new ReservingCounter(spy);
    const key = newKey();
    const places = [];
    for (let i = 0; i < 12; i++) places.push((await counter.hit(key, 60_000, 10)).current);
    expect(places).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // max 10: runs of 1 throughout (an eighth of what is left is less than one).
    expect(spy.writes).toBe(12);
  });

  it('hands out each place once when hits arrive together, on two instances sharing the database', async () => {
    const second: Db = engine === 'postgres' && db.url ? openPostgres(db.url, { max: 5 }) : db;
    try {
      const one = new ReservingCounter(db);
      const two = new ReservingCounter(second);
      const key = newKey();
      const max = 500;
      const places = await Promise.all(
        Array.from({ length: 1200 }, (_, i) => (i % 2 ? one : two).hit(key, 60_000, max)),
      );
      const currents = places.map((p) => p.current);
      expect(new Set(currents).size).toBe(1200);
      // Exactly the limit: each instance has more hits than the limit, so it uses every place it
      // held (an instance's places only grow, so once one is refused all its later ones are).
      expect(currents.filter((c) => c <= max).length).toBe(max);
      expect(places.filter((p) => !(p.ttl > 0 && p.ttl <= 60_000))).toEqual([]);
    } finally {
      if (second !== db) await second.close();
    }
  });

  it('starts again when the window ends', async () => {
    const counter = new ReservingCounter(db);
    const key = newKey();
    expect((await counter.hit(key, 300, 100)).current).toBe(1);
    expect((await counter.hit(key, 300, 100)).current).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await counter.hit(key, 300, 100)).current).toBe(1);
    expect(counter.sweep()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(counter.sweep()).toBe(1);
  });

  it('lets a failed reservation fail its hits and the next hit try again', async () => {
    let fail = true;
    const flaky: Queryable = {
      query: ((sql: string, params?: unknown[]) =>
        fail ? Promise.reject(new Error('database gone')) : db.query(sql, params)) as Queryable['query'],
      exec: (script: string) => db.exec(script),
    };
    const counter = new ReservingCounter(flaky);
    const key = newKey();
    await expect(Promise.all([counter.hit(key, 60_000, 100), counter.hit(key, 60_000, 100)])).rejects.toThrow(
      'database gone',
    );
    fail = false;
    expect((await counter.hit(key, 60_000, 100)).current).toBe(1);
  });
});

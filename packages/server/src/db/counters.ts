import type { Queryable } from './types.js';

/** A counter after one more hit: how many in its window so far, and when (ms from now) the window ends. */
export interface Count {
  hits: number;
  ttlMs: number;
}

/**
 * Counts one hit for `key` in a fixed window of `windowMs` that starts with the first hit, in the
 * `rate_counter` table: one statement (an upsert), so concurrent hits on any number of instances
 * sharing the database are all counted. The database's clock decides, so instances agree.
 */
export function hit(db: Queryable, key: string, windowMs: number): Promise<Count> {
  return reserve(db, key, windowMs, 1);
}

/**
 * Counts `n` hits at once (see hit): the count after them is the last of the `n` places this
 * caller now holds, `hits - n + 1` the first. A window that ended starts again with these `n`.
 */
export async function reserve(db: Queryable, key: string, windowMs: number, n: number): Promise<Count> {
  const [row] = await db.query<{ hits: number; ttl_ms: number }>(
    `insert into rate_counter as c (key, hits, resets_at)
     values ($1, $3, now() + make_interval(secs => $2::float8 / 1000))
     on conflict (key) do update set
       hits = case when c.resets_at <= now() then $3 else c.hits + $3 end,
       resets_at = case when c.resets_at <= now() then excluded.resets_at else c.resets_at end
     returning hits, greatest(0, ceil(extract(epoch from (resets_at - now())) * 1000))::int as ttl_ms`,
    [key, windowMs, n],
  );
  return { hits: row?.hits ?? n, ttlMs: row?.ttl_ms ?? windowMs };
}

/**
 * Takes back one hit of `key` in its current window (a hit counted before it was known that it
 * should not count). Never below 0; a window that ended is left alone.
 */
export async function unhit(db: Queryable, key: string): Promise<void> {
  await db.query(
    'update rate_counter set hits = hits - 1 where key = $1 and hits > 0 and resets_at > now()',
    [key],
  );
}

/** Deletes counters whose window ended (run now and then; an ended window is never read). */
export async function sweepCounters(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `with gone as (delete from rate_counter where resets_at <= now() returning 1)
     select count(*)::int as n from gone`,
  );
  return rows[0]?.n ?? 0;
}

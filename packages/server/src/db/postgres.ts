import postgres from 'postgres';
import type { Db, Queryable } from './types.js';

type Sql = postgres.Sql | postgres.TransactionSql;

function queryable(sql: Sql): Queryable {
  return {
    async query<T>(text: string, params: readonly unknown[] = []) {
      // Named prepared statements: the server plans each query text once per connection.
      const rows = await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true });
      return rows as unknown as T[];
    },
    async exec(script: string) {
      await sql.unsafe(script);
    },
  };
}

/**
 * One transaction on a connection reserved for it before BEGIN is sent. Not `sql.begin()`: in
 * postgres.js 3.4.9 (and 3.4.10) it sends BEGIN through the pool and reserves the connection in a
 * hook that is skipped when that BEGIN is the query filling a busy connection's pipeline (the
 * 100th unanswered one): the transaction then fails with UNSAFE_TRANSACTION and its connection
 * returns to the pool inside an open transaction, where other requests' queries run and fail
 * ("there is already a transaction in progress"). See porsager/postgres#1189 and #823; the fix
 * (#1218) is not released in 3.x. `sql.reserve()` takes only an idle connection.
 */
async function transaction<T>(sql: postgres.Sql, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  const reserved = await sql.reserve();
  try {
    await reserved.unsafe('begin');
    let result: T;
    try {
      result = await fn(queryable(reserved));
    } catch (error) {
      // A failed rollback (a broken connection) must not hide why the transaction failed.
      await reserved.unsafe('rollback').catch(() => {});
      throw error;
    }
    await reserved.unsafe('commit');
    return result;
  } finally {
    reserved.release();
  }
}

/** A real PostgreSQL server through postgres.js, for production (`DATABASE_URL`). */
export function openPostgres(url: string, options: { max?: number } = {}): Db {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    // Keep int8 counts as strings out of the way: queries cast what they return to int.
    connection: { application_name: 'loket-server' },
  });
  return {
    engine: 'postgres',
    ...queryable(sql),
    transaction: (fn) => transaction(sql, fn),
    close: () => sql.end({ timeout: 5 }),
  };
}

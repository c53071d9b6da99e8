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
    transaction: (fn) => sql.begin((tx) => fn(queryable(tx))) as Promise<never>,
    close: () => sql.end({ timeout: 5 }),
  };
}

import { describe, expect, it } from 'vitest';
import { openPostgres } from '../src/db/postgres.js';
import { engine } from './helpers/db.js';

// postgres.js 3.4.9 pipelines queries onto busy connections, up to 100 unanswered per connection.
// A BEGIN that is the 100th of a connection's pipeline skipped the hook that reserves the
// connection for its transaction (porsager/postgres#1189, #823): the transaction failed with
// UNSAFE_TRANSACTION and the connection went back to the pool inside an open transaction
// (PostgreSQL: "there is already a transaction in progress"), so an unrelated request failed.
describe.runIf(engine === 'postgres')('transactions on a pool whose connections are busy', () => {
  it('run alone on their own connection, even when a BEGIN would fill a pipeline', async () => {
    const db = openPostgres(process.env.LOKET_TEST_DATABASE_URL as string, { max: 2 });
    try {
      // Both connections open and idle, then both busy, then 99 queries pipelined behind each
      // (without parameters: a first parameterized query is described alone): the next query on
      // either connection is its 100th.
      await Promise.all([db.query('select 1'), db.query('select 1')]);
      const sleeps = [db.query('select pg_sleep(0.3)'), db.query('select pg_sleep(0.3)')];
      const plain = Array.from({ length: 198 }, (_, i) => db.query<{ n: number }>(`select ${i} as n`));
      await new Promise((resolve) => setImmediate(resolve)); // all of them sent before the BEGINs
      const transactions = Array.from({ length: 4 }, (_, i) =>
        db.transaction(async (tx) => {
          const [row] = await tx.query<{ n: number }>('select $1::int as n', [i]);
          await tx.query('select pg_sleep(0.01)');
          return row?.n;
        }),
      );
      const after = Array.from({ length: 20 }, () =>
        db.query<{ open: boolean }>(`select now() <> statement_timestamp() as open`),
      );
      await Promise.all(sleeps);
      expect((await Promise.all(plain)).map((rows) => rows[0]?.n)).toEqual(
        Array.from({ length: 198 }, (_, i) => i),
      );
      expect(await Promise.all(transactions)).toEqual([0, 1, 2, 3]);
      // No plain query ran inside someone else's transaction.
      expect((await Promise.all(after)).map((rows) => rows[0]?.open)).toEqual(Array(20).fill(false));
    } finally {
      await db.close();
    }
  });
});

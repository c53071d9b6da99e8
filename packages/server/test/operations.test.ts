import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildApp } from '../src/app.js';
import { createTestDb } from './helpers/db.js';

describe('the contract and the server', () => {
  it('have a handler for every operation of openapi/loket.yaml, and no other', async () => {
    const contract = parse(readFileSync(new URL('../../../openapi/loket.yaml', import.meta.url), 'utf8')) as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    const operations = Object.values(contract.paths).flatMap((item) =>
      Object.values(item).flatMap((op) => (op.operationId ? [op.operationId] : [])),
    );
    const db = await createTestDb();
    try {
      const app = await buildApp({ db, nationalComplaintChannels: [] });
      expect([...app.operations].sort()).toEqual([...operations].sort());
      await app.close();
    } finally {
      await db.close();
    }
    // The first seeded database of a worker and the glue's compilation of the whole contract take
    // over 30 s on a busy machine.
  }, 120_000);

  it('starts without warnings (no content type parser is missing for any request body)', async () => {
    const logged: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logged.push(String(chunk));
        done();
      },
    });
    const db = await createTestDb();
    try {
      const app = await buildApp({ db, nationalComplaintChannels: [], logger: { level: 'warn', stream } });
      await app.ready();
      await app.close();
    } finally {
      await db.close();
    }
    expect(logged).toEqual([]);
  }, 120_000);
});

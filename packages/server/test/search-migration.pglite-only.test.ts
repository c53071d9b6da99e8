import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchServices } from '../src/catalogue/search.js';
import { loadBundledServices, seedCategories, seedRegions } from '../src/catalogue/seed.js';
import { upsertServices } from '../src/catalogue/upsert.js';
import type { Db } from '../src/db/index.js';
import { openPGlite } from '../src/db/pglite.js';

const migration = (name: string) => readFile(new URL(`../migrations/${name}`, import.meta.url), 'utf8');

describe('002_search on a catalogue seeded before it', () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await openPGlite());
    await db.exec(await migration('001_catalogue.sql'));
    // The service columns today's upsert writes (the English texts of 008, independent of search).
    await db.exec(await migration('008_service_english.sql'));
    // The catalogue as it was before 002 existed (the full seed now needs later migrations too).
    const services = await loadBundledServices();
    await db.transaction(async (tx) => {
      await seedRegions(tx);
      await seedCategories(tx);
      await upsertServices(tx, services);
    });
    await db.transaction((tx) => migration('002_search.sql').then((sql) => tx.exec(sql)));
  });
  afterAll(() => db.close());

  it('indexes the services that were already there', async () => {
    const [row] = await db.query<{ empty: number }>(
      "select count(*) filter (where search_doc = ''::tsvector)::int as empty from service",
    );
    expect(row?.empty).toBe(0);
    expect((await searchServices(db, 'bikin ktp'))[0]?.id).toBe('ktp-el-baru');
    expect((await searchServices(db, 'pasport'))[0]?.id).toBe('paspor-baru');
  });
});

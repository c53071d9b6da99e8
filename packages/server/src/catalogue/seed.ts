import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { loadBundledForms, seedForms } from '../applications/forms.js';
import { bundledHolidays, importHolidays, readHolidaysFile } from '../applications/holidays.js';
import type { Db, Queryable } from '../db/index.js';
import { seedVisits } from '../visits/config.js';
import { type LifeEventsFile, lifeEventsOfServices, seedLifeEvents } from './life-events.js';
import { parseLocationsJson, validateLocationRows } from './location-import.js';
import { type LocationRecord, upsertLocation } from './location-record.js';
import { checkRecord, type ServiceRecord } from './record.js';
import { bumpCatalogueVersion, upsertServices } from './upsert.js';

const dataDir = new URL('../../data/', import.meta.url);

async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(new URL(path, dataDir), 'utf8')) as T;
}

async function readCsv(path: string): Promise<Record<string, string>[]> {
  return parse(await readFile(new URL(path, dataDir), 'utf8'), { columns: true, skip_empty_lines: true });
}

/** 38 provinces and 514 kabupaten/kota (idn-area-data, ODbL), Kemendagri codes. */
export async function seedRegions(tx: Queryable): Promise<number> {
  const provinces = await readCsv('regions/provinces.csv');
  const regencies = await readCsv('regions/regencies.csv');
  const upsert = `insert into region (code, level, kind, name, province_code) values ($1, $2, $3, $4, $5)
    on conflict (code) do update set level = excluded.level, kind = excluded.kind, name = excluded.name,
      province_code = excluded.province_code`;
  for (const p of provinces) await tx.query(upsert, [p.code, 'province', 'provinsi', p.name, null]);
  for (const r of regencies) {
    const kind = r.name?.startsWith('Kota ') ? 'kota' : 'kabupaten';
    await tx.query(upsert, [r.code, 'regency', kind, r.name, r.province_code]);
  }
  return provinces.length + regencies.length;
}

interface CategoriesFile {
  categories: { id: string; name: { id: string; en: string } }[];
}

export async function seedCategories(tx: Queryable): Promise<number> {
  const { categories } = await readJson<CategoriesFile>('catalogue/categories.json');
  for (const [position, c] of categories.entries()) {
    await tx.query(
      `insert into category (id, name_id, name_en, position) values ($1, $2, $3, $4)
       on conflict (id) do update set name_id = excluded.name_id, name_en = excluded.name_en, position = excluded.position`,
      [c.id, c.name.id, c.name.en, position],
    );
  }
  return categories.length;
}

/** The bundled real services, with life events linked from life-events.json. */
export async function loadBundledServices(): Promise<ServiceRecord[]> {
  const services = [
    ...(await readJson<ServiceRecord[]>('catalogue/services.json')),
    ...(await readJson<ServiceRecord[]>('catalogue/services-more.json')),
  ];
  const events = lifeEventsOfServices(await readJson<LifeEventsFile>('catalogue/life-events.json'));
  return services.map((s) => ({
    ...s,
    life_events: [...new Set([...(s.life_events ?? []), ...(events.get(s.id) ?? [])])].sort(),
  }));
}

/** The bundled MPP locations, checked like an import (schema, regions, services) before any write. */
export async function seedLocations(tx: Queryable): Promise<number> {
  const text = await readFile(new URL('catalogue/mpp-locations.json', dataDir), 'utf8');
  const { rows, problems: fileProblems } = parseLocationsJson(text);
  const [regions, services] = await Promise.all([
    tx.query<{ code: string }>('select code from region'),
    tx.query<{ id: string }>('select id from service'),
  ]);
  const problems = [
    ...fileProblems,
    ...validateLocationRows(rows, {
      regions: new Set(regions.map((r) => r.code)),
      services: new Set(services.map((s) => s.id)),
    }),
  ];
  if (problems.length > 0) {
    throw new Error(`bundled mpp-locations.json is invalid: ${JSON.stringify(problems.slice(0, 5))}`);
  }
  for (const { value } of rows) await upsertLocation(tx, value as LocationRecord);
  return rows.length;
}

export interface SeedSummary {
  regions: number;
  categories: number;
  services: number;
  lifeEvents: number;
  locations: number;
  /** Locations with a visit set-up (the demo one of MPP Siola). */
  visits: number;
  forms: number;
  holidays: number;
}

/** Loads the bundled real catalogue in one transaction. Idempotent: running it again updates in place. */
export async function seed(db: Db): Promise<SeedSummary> {
  const services = await loadBundledServices();
  const forms = await loadBundledForms();
  const holidays = await readHolidaysFile(bundledHolidays);
  const lifeEvents = await readJson<LifeEventsFile>('catalogue/life-events.json');
  const problems = services.flatMap((s, i) => checkRecord(s, i + 1));
  if (problems.length > 0) {
    throw new Error(`bundled catalogue is invalid: ${JSON.stringify(problems.slice(0, 5))}`);
  }
  return db.transaction(async (tx) => {
    const regions = await seedRegions(tx);
    const categories = await seedCategories(tx);
    await upsertServices(tx, services);
    const lifeEventCount = await seedLifeEvents(tx, lifeEvents);
    const locations = await seedLocations(tx);
    const visits = await seedVisits(tx);
    await seedForms(tx, forms);
    const holidayCount = await importHolidays(tx, holidays);
    await bumpCatalogueVersion(tx);
    return {
      regions,
      categories,
      services: services.length,
      lifeEvents: lifeEventCount,
      locations,
      visits,
      forms: forms.length,
      holidays: holidayCount,
    };
  });
}

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/index.js';
import { importVisits } from '../visits/config.js';
import { importServices } from './import.js';
import type { ImportOptions, ImportReport } from './import-runner.js';
import { importLocations } from './location-import.js';
import { importOverrides, type OverrideImportReport } from './overrides.js';

// A region's own data is a folder (data/regions/35.78 for Kota Surabaya) with up to four import
// files: services.json (services of that region only), overrides.json (its local facts of
// catalogue services), locations.json (its MPPs) and visits.json (their counters and booking
// policy). The services go first, so that the overrides and the MPPs' tenants may name them; the
// visits last, so that they may name the locations.

export const REGION_DATA_FILES = [
  'services.json',
  'overrides.json',
  'locations.json',
  'visits.json',
] as const;

/** The folder of a region's data bundled with the server (data/regions/<code>). */
export const bundledRegionDir = (code: string) =>
  fileURLToPath(new URL(`../../data/regions/${code}/`, import.meta.url));

/** The import files present in a region's folder, in import order; an error when there are none. */
export async function regionDataFiles(dir: string): Promise<string[]> {
  const present = new Set(await readdir(dir));
  const files = REGION_DATA_FILES.filter((name) => present.has(name)).map((name) => join(dir, name));
  if (files.length === 0) throw new Error(`"${dir}" has neither ${REGION_DATA_FILES.join(' nor ')}`);
  return files;
}

export interface RegionFileReport {
  file: string;
  report: ImportReport | OverrideImportReport;
}

/**
 * Imports a region's folder: each file as `loket-server import` would (all or nothing per file),
 * the services first; stops at the first file with problems, so its overrides are not imported
 * over services that were not. Returns one report per file tried.
 */
export async function importRegionData(
  db: Db,
  dir: string,
  options: ImportOptions = {},
): Promise<RegionFileReport[]> {
  const reports: RegionFileReport[] = [];
  for (const file of await regionDataFiles(dir)) {
    const report = file.endsWith('overrides.json')
      ? await importOverrides(db, { path: file }, options)
      : file.endsWith('locations.json')
        ? await importLocations(db, { path: file }, options)
        : file.endsWith('visits.json')
          ? await importVisits(db, { path: file }, options)
          : await importServices(db, { path: file }, options);
    reports.push({ file, report });
    if (!report.ok) break;
  }
  return reports;
}

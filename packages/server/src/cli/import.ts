import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { importServices } from '../catalogue/import.js';
import { hasTopLevelKey, type ImportReport } from '../catalogue/import-runner.js';
import { importLocations } from '../catalogue/location-import.js';
import { importOverrides, isOverridesFile, type OverrideImportReport } from '../catalogue/overrides.js';
import { importRegionData, type RegionFileReport } from '../catalogue/region-data.js';
import type { CommandTools } from '../cli.js';
import { importVisits } from '../visits/config.js';

// loket-server import FILE | DIR [--dry-run]: a file of services (.json or .csv), of regional
// overrides (.json with an "overrides" key), of MPP locations (.json with a "locations" key), of
// visit set-ups (.json with a "visits" key), or a region's folder (services.json, overrides.json,
// locations.json, then visits.json).

const onProgress = (done: number, total: number) => {
  if (process.stderr.isTTY) process.stderr.write(`\rimporting ${done}/${total}`);
  else if (done === total || done % 500 === 0) console.error(`importing ${done}/${total}`);
};

/** Prints a file's problems or its counts; true when it was imported (or would be, in a dry run). */
function print(
  report: ImportReport & { removed?: number },
  dryRun: boolean,
  file: string,
  locations = false,
): boolean {
  const what = file.endsWith('visits.json')
    ? 'visit set-up'
    : locations || file.endsWith('locations.json')
      ? 'location'
      : 'service';
  if (process.stderr.isTTY) process.stderr.write('\n');
  for (const p of report.problems) {
    console.error(`row ${p.row}${p.id ? ` (${p.id})` : ''} ${p.pointer}: ${p.message}`);
  }
  if (!report.ok) {
    console.error(
      `nothing imported from ${file}: ${report.problems.length} problem(s) in ${report.total} row(s)`,
    );
    return false;
  }
  const verb = dryRun ? 'would import' : 'imported';
  if (report.removed !== undefined) {
    const absent = report.total - report.inserted - report.updated - report.removed;
    console.log(
      `${verb} ${report.total} override(s): ${report.inserted} new, ${report.updated} updated, ${report.removed} removed${absent > 0 ? ` (${absent} to remove did not exist)` : ''}`,
    );
  } else {
    console.log(`${verb} ${report.total} ${what}(s): ${report.inserted} new, ${report.updated} updated`);
  }
  return true;
}

export async function run(args: string[], { withDb }: Pick<CommandTools, 'withDb'>): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean', default: false } },
  });
  const [file] = positionals;
  if (!file) throw new Error('import needs a FILE (.json or .csv) or a region folder');
  const dryRun = values['dry-run'];
  const options = { dryRun, onProgress };
  const folder = await stat(file).then(
    (s) => s.isDirectory(),
    () => false,
  );
  const locations = !folder && (await hasTopLevelKey(file, 'locations'));
  const visits = !folder && !locations && (await hasTopLevelKey(file, 'visits'));
  const reports: RegionFileReport[] = folder
    ? await withDb((db) => importRegionData(db, file, options))
    : [
        {
          file,
          report: await withDb(
            async (db): Promise<ImportReport | OverrideImportReport> =>
              // A JSON file { "overrides": [...] } holds regional overrides, { "locations": [...] } MPP
              // locations; anything else holds services.
              (await isOverridesFile(file))
                ? importOverrides(db, { path: file }, options)
                : locations
                  ? importLocations(db, { path: file }, options)
                  : visits
                    ? importVisits(db, { path: file }, options)
                    : importServices(db, { path: file }, options),
          ),
        },
      ];
  return reports.every(({ file, report }) => print(report, dryRun, file, locations)) ? 0 : 1;
}

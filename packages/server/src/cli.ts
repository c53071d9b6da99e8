#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { seed } from './catalogue/seed.js';
import { writeSyntheticCatalogue } from './catalogue/synthetic.js';
import { loadConfig } from './config.js';
import { migrate, openDatabase } from './db/index.js';
import { startServer } from './server.js';

const usage = `loket-server <command>

Commands:
  serve [--seed-if-empty]     start the API (PGlite in $LOKET_DATA_DIR, or PostgreSQL at $DATABASE_URL)
  migrate                     apply pending SQL migrations
  seed                        load the bundled real catalogue (regions, services, MPP locations)
  import FILE [--dry-run]     validate, then upsert services (.json or .csv), regional overrides
                              (.json with an "overrides" key) or MPP locations (.json with a
                              "locations" key), all or nothing
  import DIR [--dry-run]      a region's folder (data/regions/35.78): its services.json, then its
                              overrides.json, then its locations.json, each as above
  generate-synthetic FILE [--count N]
                              write a SYNTHETIC catalogue (for benchmarks only) to FILE as JSON
  officer create --name N --agency A --region R | list | revoke ID
                              officer bearer tokens (the token is shown once, stored hashed)
  officers add --username U --name N --agency A --region R --role ROLES | list |
           set-password U | reset-totp U | disable U | enable U
                              officer accounts for the desk (/petugas/): password + TOTP or SSO
  kiosk add --location L --name N | list [--location L] | revoke ID
                              survey kiosks at an MPP (the token is shown once, stored hashed)
  origins add REGION ORIGIN | list [REGION] | remove REGION ORIGIN
                              web origins allowed to take applications for a region
  webhooks add --agency A --region R URL | list | test ID | enable ID | remove ID
                              signed webhook endpoints (the secret is shown once)
  complaints target AGENCY DAYS [--source S] | target AGENCY --default | targets
                              an agency's own response target for complaints (working days)
  calendar import FILE        replace the holiday calendar (the layout of data/catalogue/holidays.json)
  purge-drafts [--older-than-days N]
                              delete drafts untouched for N days (default $LOKET_DRAFT_RETENTION_DAYS or 30)
  backup FILE | restore FILE  the embedded database to a file (also while the server runs) and back
  export cpsv-ap --region CODE [--base-url URL] [--out FILE]
                              a region's catalogue as CPSV-AP 3.2.0 JSON-LD (docs/open-data.md)

Configuration comes from environment variables; see the README.`;

/** Commands with their own module (src/cli/*.ts), each exporting `run(args, tools)`. */
const commandModules: Record<string, string> = {
  import: './cli/import.js',
  officer: './cli/officer.js',
  officers: './cli/officers.js',
  kiosk: './cli/kiosk.js',
  origins: './cli/origins.js',
  webhooks: './cli/webhooks.js',
  complaints: './cli/complaints.js',
  calendar: './cli/calendar.js',
  'purge-drafts': './cli/purge-drafts.js',
  backup: './cli/backup.js',
  restore: './cli/backup.js',
  export: './cli/export.js',
};

export interface CommandTools {
  withDb: typeof withDb;
  loadConfig: typeof loadConfig;
}

async function withDb<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function main(argv: string[]): Promise<number> {
  // Commands with their own module parse their own options.
  const module = argv[0] ? commandModules[argv[0]] : undefined;
  if (module) {
    type Run = (args: string[], tools: CommandTools) => Promise<number>;
    const exports = (await import(module)) as { run: Run; restore?: Run };
    const run = argv[0] === 'restore' && exports.restore ? exports.restore : exports.run;
    return run(argv.slice(1), { withDb, loadConfig });
  }
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'seed-if-empty': { type: 'boolean', default: false },
      count: { type: 'string', default: '10000' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, file] = positionals;
  if (values.help || !command) {
    console.log(usage);
    return command || values.help ? 0 : 1;
  }
  switch (command) {
    case 'serve': {
      const { address } = await startServer(loadConfig(), { seedIfEmpty: values['seed-if-empty'] });
      console.log(`Loket API: ${address}/v1/services   reference: ${address}/docs`);
      return -1; // keep running
    }
    case 'migrate': {
      const applied = await withDb(migrate);
      console.log(applied.length ? `applied ${applied.join(', ')}` : 'already up to date');
      return 0;
    }
    case 'seed': {
      const summary = await withDb(seed);
      console.log(
        `seeded ${summary.services} services, ${summary.regions} regions, ${summary.categories} categories, ${summary.lifeEvents} life events, ${summary.locations} locations`,
      );
      return 0;
    }
    case 'generate-synthetic': {
      if (!file) throw new Error('generate-synthetic needs a FILE');
      const count = Number(values.count);
      if (!Number.isInteger(count) || count < 1) throw new Error('--count must be a positive whole number');
      await writeSyntheticCatalogue(file, count);
      console.log(`wrote ${count} SYNTHETIC services to ${file} (benchmarks only; not real services)`);
      return 0;
    }
    default:
      console.error(`unknown command "${command}"\n\n${usage}`);
      return 1;
  }
}

// Every file this process creates (database, uploads, backups) is for this account only.
process.umask(0o077);
main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);

import { join } from 'node:path';
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.js';
import { seed } from './catalogue/seed.js';
import { loadNationalComplaintChannels } from './complaints.js';
import type { Config } from './config.js';
import { listenForControl } from './control.js';
import { migrate, openDatabase } from './db/index.js';
import { makePrivate } from './db/private-dir.js';
import { loggerOptions } from './logging.js';
import { type Outbox, startOutbox } from './notifications/worker.js';

/**
 * Opens the database, applies migrations, seeds the real catalogue when the database is empty
 * (and `seedIfEmpty` is set), listens, starts the notification worker, and shuts down gracefully on SIGINT/SIGTERM: readiness
 * fails first, in-flight requests finish, then the database closes.
 */
export async function startServer(config: Config, options: { seedIfEmpty?: boolean } = {}) {
  // Uploads live in the data directory on PostgreSQL too: this account's only (PGlite does the same).
  if (config.databaseUrl) await makePrivate(config.dataDir);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(db);
  if (options.seedIfEmpty) {
    const [row] = await db.query<{ n: number }>('select count(*)::int as n from service');
    if ((row?.n ?? 0) === 0) await seed(db);
  }
  const app = await buildApp({
    db,
    nationalComplaintChannels: await loadNationalComplaintChannels(),
    logger: loggerOptions(config.logLevel),
    cacheMaxAge: config.cacheMaxAge,
    publicUrl: config.publicUrl,
    deskDir: config.deskDir,
    uploadsDir: join(config.dataDir, 'uploads'),
    limits: config.limits,
    trustProxy: config.trustProxy,
    skmMinResponses: config.skmMinResponses,
    sessions: config.sessions,
    oidc: config.oidc,
    responseCache:
      config.responseCacheMb > 0
        ? { maxBytes: config.responseCacheMb * 1024 * 1024, checkEveryMs: config.catalogueCheckMs }
        : false,
    timeouts: { headersMs: config.headersTimeoutMs, requestMs: config.requestTimeoutMs },
    webhooks: { allowPrivate: config.outbox.webhooks.allowPrivate },
    mail: config.outbox.smtpUrl !== undefined,
  });
  app.addHook('onClose', async () => db.close());
  // `loket-server backup` asks the running server for a backup of the embedded database. Its
  // socket opens once the server listens, but the hook that closes it is added before: Fastify
  // refuses hooks on a listening instance (and the throw skipped the graceful shutdown below).
  let stopControl: (() => Promise<void>) | undefined;
  app.addHook('preClose', async () => stopControl?.());
  // The notification worker stops (finishing the round in progress) before the database closes.
  let outbox: Outbox | undefined;
  app.addHook('preClose', async () => outbox?.stop());
  const address = await app.listen({ host: config.host, port: config.port });
  if (db.dump) stopControl = await listenForControl(config.dataDir, db.dump.bind(db), app.log);
  outbox = startOutbox(db, { ...config.outbox, apiUrl: config.outbox.apiUrl ?? address }, app.log);

  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    app.loket.accepting = false;
    await app.close();
  });
  return { app, address, db };
}

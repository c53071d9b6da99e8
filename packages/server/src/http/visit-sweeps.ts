import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/index.js';
import { sweepVisitKeys } from '../visits/idempotency.js';

/**
 * The expiry of booking keys, once a minute while the app runs. (The day-before reminders are
 * written by the notification worker, which also sends them: notifications/worker.ts.)
 */
export function sweepVisitsNowAndThen(app: FastifyInstance, db: Db, now: () => Date, everyMs = 60_000): void {
  const run = () =>
    sweepVisitKeys(db, now()).catch((error: unknown) =>
      app.log.warn({ err: error }, 'visits: could not sweep booking keys'),
    );
  const timer = setInterval(run, everyMs);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}

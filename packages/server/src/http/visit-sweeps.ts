import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/index.js';
import { remindTomorrow } from '../visits/events.js';
import { sweepVisitKeys } from '../visits/idempotency.js';

/** The day-before reminders and the expiry of booking keys, once a minute while the app runs. */
export function sweepVisitsNowAndThen(app: FastifyInstance, db: Db, now: () => Date, everyMs = 60_000): void {
  const run = () =>
    Promise.all([remindTomorrow(db, now()), sweepVisitKeys(db, now())]).catch((error: unknown) =>
      app.log.warn({ err: error }, 'visits: could not send reminders or sweep keys'),
    );
  const timer = setInterval(run, everyMs);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}

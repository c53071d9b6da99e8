import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/index.js';
import { audit } from './audit.js';
import { sweepSessions } from './sessions.js';

/** Reading the session is no action of its own; signing in and out are audited where they happen. */
const notActions = new Set([
  'GET /v1/officer/session',
  'HEAD /v1/officer/session',
  'DELETE /v1/officer/session',
]);

/**
 * Every request an officer made to the officer API, by bearer token or desk session (reads of
 * personal data included), goes to the audit log once answered: who, what (method, path without
 * the query), the status. Written after the response; a failure to write is logged as an error.
 */
export function registerRequestAudit(app: FastifyInstance, db: Db): void {
  sweepSessionsNowAndThen(app, db);
  app.addHook('onResponse', async (request, reply) => {
    const officer = request.officer;
    const route = request.routeOptions.url;
    if (!officer || !route?.startsWith('/v1/officer/')) return;
    if (notActions.has(`${request.method} ${route}`)) return;
    const byAccount = officer.account !== undefined;
    await audit(db, {
      event: 'request',
      actor: byAccount ? `officer:${officer.account?.username}` : `token:${officer.name}`,
      accountId: byAccount ? officer.id : null,
      tokenId: byAccount ? null : officer.id,
      username: officer.account?.username ?? null,
      ip: request.ip,
      method: request.method,
      path: request.url.split('?')[0] ?? request.url,
      status: reply.statusCode,
    }).catch((error: unknown) => request.log.error({ err: error }, 'could not write the officer audit log'));
  });
}

/** Deletes sessions past their absolute end once an hour (an ended session is refused anyway). */
function sweepSessionsNowAndThen(app: FastifyInstance, db: Db, everyMs = 3_600_000): void {
  const timer = setInterval(() => {
    sweepSessions(db, new Date()).catch((error: unknown) =>
      app.log.warn({ err: error }, 'could not sweep officer sessions'),
    );
  }, everyMs);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}

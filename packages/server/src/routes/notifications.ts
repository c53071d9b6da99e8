import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { say } from '../messages/index.js';
import { stopNotifications } from '../notifications/stop.js';
import { problem } from '../problem.js';
import type { AppContext, OperationRequest } from './context.js';

/**
 * RFC 8058 one-click stops arrive as `application/x-www-form-urlencoded`
 * (`List-Unsubscribe=One-Click`): parsed into an object for the contract's schema.
 */
export function registerFormBodies(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
}

/** Messages to citizens: the stop link. The rules are in notifications/. */
export function notificationHandlers(ctx: AppContext) {
  return {
    async stopNotifications(request: OperationRequest<'stopNotifications'>, reply: FastifyReply) {
      if (!(await stopNotifications(ctx.db, request.params.token, ctx.now()))) {
        throw problem('not-found', 404, say('stopTokenUnknown'));
      }
      reply.code(204).header('cache-control', 'no-store');
    },
  } satisfies Record<string, (request: FastifyRequest<never>, reply: FastifyReply) => Promise<unknown>>;
}

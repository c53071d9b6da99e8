import type { FastifyReply, FastifyRequest } from 'fastify';
import { say } from '../messages/index.js';
import { audit } from '../officers/audit.js';
import { changeOwnPassword } from '../officers/own-password.js';
import { fromOwnOrigin, isHttps } from '../officers/session-auth.js';
import { endSession, type OpenSession, sessionClearCookie, sessionSetCookie } from '../officers/sessions.js';
import { signInWithPassword } from '../officers/sign-in.js';
import { problem } from '../problem.js';
import type { AppContext, OperationRequest } from './context.js';

/** The contract's OfficerSession body. */
export function sessionBody(session: OpenSession) {
  const { account } = session;
  return {
    officer: {
      id: account.id,
      name: account.name,
      username: account.username,
      agency: account.agency_id,
      regions: [account.region_code],
      roles: account.roles,
    },
    csrf: session.csrf,
    expiresAt: session.expiresAt.toISOString(),
  };
}

const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

/** Signing in and out of the desk (/petugas/). The rules are in officers/sign-in.ts and sessions.ts. */
export function officerSessionHandlers(ctx: AppContext) {
  return {
    async createOfficerSession(request: OperationRequest<'createOfficerSession'>, reply: FastifyReply) {
      // A sign-in from a page on another site would plant that site's chosen session (login CSRF).
      if (!fromOwnOrigin(request, ctx.desk.publicUrl)) {
        throw problem('origin-not-allowed', 403, say('deskOtherOrigin'));
      }
      const { body } = request;
      const { id, session } = await signInWithPassword(
        ctx.db,
        { username: body.username, password: body.password, totp: body.totp, ip: request.ip },
        { now: ctx.now(), lockout: ctx.limits.signInLockout, sessions: ctx.desk.sessions },
      );
      noStore(reply).header('set-cookie', sessionSetCookie(id, isHttps(request)));
      return sessionBody(session);
    },

    async getOfficerSession(request: FastifyRequest, reply: FastifyReply) {
      noStore(reply);
      return sessionBody(currentSession(request));
    },

    async changeOwnOfficerPassword(
      request: OperationRequest<'changeOwnOfficerPassword'>,
      reply: FastifyReply,
    ) {
      const current = currentSession(request);
      const { body } = request;
      const { id, session } = await changeOwnPassword(
        ctx.db,
        current.account,
        { current: body.current_password, next: body.new_password, ip: request.ip },
        { now: ctx.now(), lockout: ctx.limits.signInLockout, sessions: ctx.desk.sessions },
      );
      noStore(reply).header('set-cookie', sessionSetCookie(id, isHttps(request)));
      return sessionBody(session);
    },

    async deleteOfficerSession(request: FastifyRequest, reply: FastifyReply) {
      const session = currentSession(request);
      await endSession(ctx.db, session.id);
      await audit(ctx.db, {
        event: 'sign-out',
        actor: `officer:${session.account.username}`,
        accountId: session.account.id,
        username: session.account.username,
        ip: request.ip,
      });
      noStore(reply).header('set-cookie', sessionClearCookie(isHttps(request)));
      return reply.code(204).send();
    },
  } satisfies Record<string, (request: FastifyRequest<never>, reply: FastifyReply) => Promise<unknown>>;
}

function currentSession(request: FastifyRequest) {
  if (!request.officerSession)
    throw new Error('session handler reached without the officerSession security handler');
  return request.officerSession;
}

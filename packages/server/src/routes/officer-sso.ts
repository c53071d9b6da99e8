import type { FastifyReply, FastifyRequest } from 'fastify';
import { say } from '../messages/index.js';
import { audit } from '../officers/audit.js';
import { flowClearCookie, flowCookie, flowPath, flowSetCookie, type OidcClient } from '../officers/oidc.js';
import { isHttps } from '../officers/session-auth.js';
import { cookieFrom, sessionSetCookie } from '../officers/sessions.js';
import { SsoRefused, signInWithClaims } from '../officers/sso.js';
import { problem } from '../problem.js';
import type { AppContext } from './context.js';

/** Where the officer lands after single sign-on: the desk, told when it failed. */
const desk = '/petugas/';

/** The server's own origin as the browser sees it (LOKET_PUBLIC_URL behind a proxy). */
const ownOrigin = (request: FastifyRequest, publicUrl: string | undefined) =>
  publicUrl ? new URL(publicUrl).origin : `${request.protocol}://${request.host}`;

/** Single sign-on with OpenID Connect (docs/officers.md); answers 404 when LOKET_OIDC_ISSUER is unset. */
export function officerSsoHandlers(ctx: AppContext, oidc: OidcClient | undefined) {
  const configured = () => {
    if (!oidc) throw problem('not-found', 404, say('ssoUnavailable'));
    return oidc;
  };
  return {
    async getOfficerSignInMethods(_request: FastifyRequest, reply: FastifyReply) {
      reply.header('cache-control', 'no-store');
      return { password: true, sso: oidc !== undefined };
    },

    async startOfficerSso(request: FastifyRequest, reply: FastifyReply) {
      const sso = configured();
      const callback = `${ownOrigin(request, ctx.desk.publicUrl)}${flowPath}/callback`;
      const { url, flow } = await sso.start(callback).catch((error: unknown) => {
        request.log.error({ err: error }, 'the OpenID Connect provider could not be reached');
        throw problem('not-ready', 503, say('ssoUnavailable'));
      });
      reply.header('cache-control', 'no-store').header('set-cookie', flowSetCookie(flow, isHttps(request)));
      return reply.redirect(url.href, 303);
    },

    async finishOfficerSso(request: FastifyRequest, reply: FastifyReply) {
      const sso = configured();
      const secure = isHttps(request);
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      reply.header('cache-control', 'no-store');
      const cookies = [flowClearCookie(secure)];
      try {
        const claims = await sso.finish(query, cookieFrom(request.headers.cookie, flowCookie));
        const { id } = await signInWithClaims(ctx.db, claims, {
          usernameClaim: sso.settings.usernameClaim,
          now: ctx.now(),
          sessions: ctx.desk.sessions,
          ip: request.ip,
        });
        cookies.push(sessionSetCookie(id, secure));
        return reply.header('set-cookie', cookies).redirect(desk, 303);
      } catch (error) {
        if (!(error instanceof SsoRefused)) {
          // A forged or replayed callback, a provider error: nothing about it reaches the browser.
          request.log.warn({ err: error }, 'OpenID Connect sign-in failed');
          await audit(ctx.db, {
            event: 'sign-in-failed',
            actor: 'oidc',
            ip: request.ip,
            detail: { reason: 'oidc-callback-invalid', via: 'oidc' },
          });
        }
        return reply.header('set-cookie', cookies).redirect(`${desk}?sso=failed`, 303);
      }
    },
  };
}

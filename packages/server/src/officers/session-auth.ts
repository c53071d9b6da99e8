import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Officer } from '../applications/security.js';
import type { Db } from '../db/index.js';
import { say } from '../messages/index.js';
import { problem } from '../problem.js';
import {
  type OpenSession,
  openSession,
  type SessionSettings,
  sessionClearCookie,
  sessionIdFrom,
} from './sessions.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the officerSession security handler: the desk session this request came with. */
    officerSession?: OpenSession & { id: string };
  }
}

export interface DeskSettings {
  sessions: SessionSettings;
  now: () => Date;
  /** LOKET_PUBLIC_URL: the desk's own origin behind a proxy, besides the request's own. */
  publicUrl?: string | undefined;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether the request comes over HTTPS (itself, or as the trusted proxy says): the cookie is then Secure. */
export const isHttps = (request: FastifyRequest) => request.protocol === 'https';

/**
 * Whether a browser sent this request from the server's own origin: no `Origin`, or the request's
 * own scheme and host (or LOKET_PUBLIC_URL's), and no `Sec-Fetch-Site` naming another site.
 */
export function fromOwnOrigin(request: FastifyRequest, publicUrl: string | undefined): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  const own = new Set([`${request.protocol}://${request.host}`]);
  if (publicUrl) own.add(new URL(publicUrl).origin);
  return own.has(origin);
}

/** Two secrets compared in constant time (for their length). */
export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The officer of a desk session (the `loket_officer` cookie), for the `officerSession` security
 * handler: same origin only; state-changing methods need `x-loket-csrf`. No cookie: a 401 marked
 * as "nothing presented", so that when a request carries neither a token nor a cookie, the bearer
 * token's answer is the one given (as before sessions existed).
 */
export async function authenticateSession(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  settings: DeskSettings,
): Promise<Officer> {
  const id = sessionIdFrom(request.headers.cookie);
  if (id === undefined) throw nothingPresented(problem('unauthorized', 401, say('sessionExpired')));
  if (!fromOwnOrigin(request, settings.publicUrl)) {
    throw problem('origin-not-allowed', 403, say('deskOtherOrigin'));
  }
  const session = await openSession(db, id, settings.now(), settings.sessions);
  if (session === 'expired') {
    reply.header('set-cookie', sessionClearCookie(isHttps(request)));
    throw problem('session-expired', 401, say('sessionExpired'));
  }
  if (!safeMethods.has(request.method)) {
    const given = request.headers['x-loket-csrf'];
    if (typeof given !== 'string' || !sameText(given, session.csrf)) {
      throw problem('csrf-failed', 403, say('csrfFailed'));
    }
  }
  request.officerSession = { ...session, id };
  const { account } = session;
  return {
    id: account.id,
    name: account.name,
    agency_id: account.agency_id,
    region_code: account.region_code,
    account: { username: account.username, roles: account.roles },
  };
}

/** Marks a security handler's refusal as "this kind of credential was not presented at all". */
export function nothingPresented<E extends Error>(error: E): E {
  return Object.assign(error, { nothingPresented: true });
}

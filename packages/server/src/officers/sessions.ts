import { createHmac, randomBytes } from 'node:crypto';
import { sha256Hex } from '../applications/secrets.js';
import type { Queryable } from '../db/index.js';
import type { Role } from './accounts.js';
import { audit } from './audit.js';

/** How long a session lasts: idle (since the last request) and absolute (since sign-in). */
export interface SessionSettings {
  idleMs: number;
  absoluteMs: number;
}

const MINUTE = 60_000;
/** 30 minutes idle (a counter officer away from the desk), 12 hours in all (a working day). */
export const defaultSessionSettings: SessionSettings = { idleMs: 30 * MINUTE, absoluteMs: 12 * 60 * MINUTE };

export const sessionCookie = 'loket_officer';

/** The signed-in account as a session gives it. */
export interface SessionAccount {
  id: string;
  username: string;
  name: string;
  agency_id: string;
  region_code: string;
  roles: Role[];
}

export interface OpenSession {
  account: SessionAccount;
  csrf: string;
  /** When the session ends if nothing more happens (the idle end, or the absolute end if sooner). */
  expiresAt: Date;
}

/**
 * The CSRF token of a session: derived from its id (HMAC), so it is never stored and cannot be
 * made without the cookie; sent back in `x-loket-csrf` by the desk on every state-changing request.
 */
export const csrfFor = (sessionId: string) =>
  createHmac('sha256', sessionId).update('loket-csrf').digest('base64url');

const idleEnd = (lastSeen: Date, settings: SessionSettings, absolute: Date) =>
  new Date(Math.min(lastSeen.getTime() + settings.idleMs, absolute.getTime()));

/** Starts a session for an account that has just proved who it is; returns the cookie's value. */
export async function createSession(
  db: Queryable,
  account: SessionAccount,
  via: 'password' | 'oidc',
  now: Date,
  settings: SessionSettings,
): Promise<{ id: string; session: OpenSession }> {
  const id = randomBytes(32).toString('base64url');
  const absolute = new Date(now.getTime() + settings.absoluteMs);
  await db.query(
    `insert into officer_session (id_hash, account_id, via, created_at, last_seen_at, expires_at)
     values ($1, $2, $3, $4, $4, $5)`,
    [sha256Hex(id), account.id, via, now, absolute],
  );
  return { id, session: { account, csrf: csrfFor(id), expiresAt: idleEnd(now, settings, absolute) } };
}

const wellFormed = /^[A-Za-z0-9_-]{43}$/;

/**
 * The session a cookie value opens at `now`: 'expired' when there is none any more (timed out,
 * signed out, the account disabled or changed); an expired row is deleted. A live session's idle
 * clock restarts (written at most every 15 s).
 */
export async function openSession(
  db: Queryable,
  id: string,
  now: Date,
  settings: SessionSettings,
): Promise<OpenSession | 'expired'> {
  if (!wellFormed.test(id)) return 'expired';
  const hash = sha256Hex(id);
  const [row] = await db.query<SessionAccount & { last_seen_at: Date; expires_at: Date }>(
    `select a.id, a.username, a.name, a.agency_id, a.region_code, a.roles, s.last_seen_at, s.expires_at
     from officer_session s join officer_account a on a.id = s.account_id
     where s.id_hash = $1 and a.disabled_at is null`,
    [hash],
  );
  if (!row) return 'expired';
  const lastSeen = new Date(row.last_seen_at);
  const absolute = new Date(row.expires_at);
  if (now >= idleEnd(lastSeen, settings, absolute)) {
    const ended = await db.query('delete from officer_session where id_hash = $1 returning 1', [hash]);
    if (ended.length > 0) {
      const why = now >= absolute ? 'absolute' : 'idle';
      const who = { actor: `officer:${row.username}`, accountId: row.id, username: row.username };
      await audit(db, { event: 'session-expired', ...who, detail: { timeout: why } });
    }
    return 'expired';
  }
  if (now.getTime() - lastSeen.getTime() > 15_000) {
    await db.query('update officer_session set last_seen_at = $2 where id_hash = $1', [hash, now]);
  }
  const { last_seen_at: _seen, expires_at: _ends, ...account } = row;
  return { account, csrf: csrfFor(id), expiresAt: idleEnd(now, settings, absolute) };
}

/** Ends a session (sign-out); ending one that is gone already is harmless. */
export async function endSession(db: Queryable, id: string): Promise<boolean> {
  if (!wellFormed.test(id)) return false;
  const rows = await db.query('delete from officer_session where id_hash = $1 returning 1', [sha256Hex(id)]);
  return rows.length > 0;
}

/** Deletes sessions past their absolute end (now and then; an expired one is never honoured anyway). */
export async function sweepSessions(db: Queryable, now: Date): Promise<void> {
  await db.query('delete from officer_session where expires_at <= $1', [now]);
}

/** The value of cookie `name` in a Cookie header, if it is there. */
export function cookieFrom(cookieHeader: string | undefined, name: string): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The session id from a Cookie header, if it carries ours. */
export const sessionIdFrom = (cookieHeader: string | undefined) => cookieFrom(cookieHeader, sessionCookie);

/** Set-Cookie for a new session (no Max-Age: the server decides the end; closing the browser ends it too). */
export function sessionSetCookie(id: string, secure: boolean): string {
  return `${sessionCookie}=${id}; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

/** Set-Cookie that removes ours (sign-out, or a session that ended). */
export function sessionClearCookie(secure: boolean): string {
  return `${sessionCookie}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;
}

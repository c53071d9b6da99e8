import type { Queryable } from '../db/index.js';
import type { Role } from './accounts.js';
import { audit } from './audit.js';
import { createSession, type SessionAccount, type SessionSettings } from './sessions.js';

interface Row extends SessionAccount {
  oidc_subject: string | null;
  disabled_at: Date | null;
}

const columns = 'id, username, name, agency_id, region_code, roles, oidc_subject, disabled_at';

/** Authentication methods (RFC 8176 `amr`) that count as a second factor for an admin. */
const multiFactor = new Set(['mfa', 'otp', 'hwk', 'swk', 'sc']);

export class SsoRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'SsoRefused';
  }
}

/**
 * The account an OpenID Connect sign-in opens, from the ID token's claims: the one linked to its
 * `sub`; else, once, the unlinked account whose username is the `usernameClaim` claim (it is then
 * linked to that `sub` for good). Accounts are never created here, so nobody becomes an officer,
 * let alone an admin, by having an account at the provider. A disabled account is refused, and so
 * is an admin whose provider does not say (`amr`) that it used a second factor.
 */
export async function signInWithClaims(
  db: Queryable,
  claims: Record<string, unknown>,
  options: { usernameClaim: string; now: Date; sessions: SessionSettings; ip: string },
) {
  const sub = typeof claims.sub === 'string' ? claims.sub : '';
  const named = claims[options.usernameClaim];
  const username = typeof named === 'string' ? named.trim().toLowerCase() : null;
  const base = { actor: 'oidc', username, ip: options.ip };
  const refuse = async (reason: string, accountId: string | null = null) => {
    await audit(db, { ...base, event: 'sign-in-failed', accountId, detail: { reason, via: 'oidc' } });
    return new SsoRefused(reason);
  };
  let [row] = sub
    ? await db.query<Row>(`select ${columns} from officer_account where oidc_subject = $1`, [sub])
    : [];
  let linked = false;
  if (!row && sub && username) {
    [row] = await db.query<Row>(
      `update officer_account set oidc_subject = $2, updated_at = now()
       where username = $1 and oidc_subject is null returning ${columns}`,
      [username, sub],
    );
    linked = row !== undefined;
  }
  if (!row) throw await refuse('oidc-unknown-account');
  if (row.disabled_at) throw await refuse('oidc-disabled', row.id);
  const amr = Array.isArray(claims.amr) ? claims.amr.map(String) : [];
  if (row.roles.includes('admin' as Role) && !amr.some((m) => multiFactor.has(m))) {
    throw await refuse('oidc-admin-without-mfa', row.id);
  }
  const { oidc_subject: _sub, disabled_at: _disabled, ...account } = row;
  const created = await createSession(db, account, 'oidc', options.now, options.sessions);
  await audit(db, {
    ...base,
    event: 'sign-in',
    actor: `officer:${row.username}`,
    accountId: row.id,
    username: row.username,
    detail: { via: 'oidc', linked },
  });
  return created;
}

import { countAttempt, uncountAttempt } from '../applications/lockout.js';
import type { Queryable } from '../db/index.js';
import type { Limit } from '../limits.js';
import { say } from '../messages/index.js';
import { problem } from '../problem.js';
import type { Role } from './accounts.js';
import { audit } from './audit.js';
import { dummyHash, verifyPassword } from './passwords.js';
import { createSession, type SessionAccount, type SessionSettings } from './sessions.js';
import { totpStep } from './totp.js';

interface AccountRow extends SessionAccount {
  password_hash: string | null;
  totp_secret: string | null;
  totp_last_step: string | number | null;
  disabled_at: Date | null;
}

export interface SignInAttempt {
  username: string;
  password: string;
  totp?: string | undefined;
  ip: string;
}

export interface SignInOptions {
  now: Date;
  lockout: Limit;
  sessions: SessionSettings;
}

const wrongCredentials = () => problem('unauthorized', 401, say('wrongCredentials'));

/**
 * A password sign-in (then the TOTP code when the account has a second factor). Every path
 * takes the same steps until the password is known to be right: the attempt counted against the
 * username's lockout (known or not, before comparing), one row read, one scrypt comparison (with a
 * dummy hash when there is no such account or it has no password). A wrong username, a wrong
 * password and a disabled account all get the same 401. Audited without the password or code.
 */
export async function signInWithPassword(db: Queryable, given: SignInAttempt, options: SignInOptions) {
  const username = given.username.trim().toLowerCase();
  const base = { actor: 'anonymous', username, ip: given.ip };
  const locked = await countAttempt(db, username, options.lockout, 'signin');
  if (locked) {
    await audit(db, { ...base, event: 'locked-out', detail: { retryAfter: locked } });
    throw Object.assign(problem('too-many-requests', 429, say('signInLocked', locked)), {
      retryAfter: locked,
    });
  }
  const [row] = await db.query<AccountRow>(
    `select id, username, name, agency_id, region_code, roles, password_hash, totp_secret, totp_last_step, disabled_at
     from officer_account where username = $1`,
    [username],
  );
  const passwordRight = await verifyPassword(given.password, row?.password_hash ?? (await dummyHash()));
  const fail = async (reason: string) => {
    await audit(db, { ...base, event: 'sign-in-failed', accountId: row?.id ?? null, detail: { reason } });
    return wrongCredentials();
  };
  if (!row) throw await fail('unknown-username');
  if (!row.password_hash || !passwordRight) throw await fail('wrong-password');
  if (row.disabled_at) throw await fail('disabled');
  // Admins must have a second factor: an admin account without one cannot sign in by password.
  if (!row.totp_secret && row.roles.includes('admin' as Role)) throw await fail('admin-without-totp');
  if (row.totp_secret) await checkTotp(db, row, given, options, base);
  await uncountAttempt(db, username, options.lockout, 'signin');
  const account: SessionAccount = {
    id: row.id,
    username: row.username,
    name: row.name,
    agency_id: row.agency_id,
    region_code: row.region_code,
    roles: row.roles,
  };
  const created = await createSession(db, account, 'password', options.now, options.sessions);
  await audit(db, {
    ...base,
    event: 'sign-in',
    actor: `officer:${username}`,
    accountId: row.id,
    detail: { via: 'password' },
  });
  return created;
}

/**
 * The second factor. No code yet: 401 totp-required (the password was right, so that attempt does
 * not count). A wrong code or one already used: 401 totp-required again, counted. A good code's
 * time step is kept, in one conditional update, so the same code never opens two sessions.
 */
async function checkTotp(
  db: Queryable,
  row: AccountRow,
  given: SignInAttempt,
  options: SignInOptions,
  base: { actor: string; username: string; ip: string },
): Promise<void> {
  const secret = row.totp_secret as string;
  const failed = async (reason: string, detail: 'totpRequired' | 'totpWrong') => {
    await audit(db, { ...base, event: 'sign-in-failed', accountId: row.id, detail: { reason } });
    return problem('totp-required', 401, say(detail), '/totp');
  };
  if (given.totp === undefined || given.totp === '') {
    await uncountAttempt(db, base.username, options.lockout, 'signin');
    throw await failed('totp-required', 'totpRequired');
  }
  const step = totpStep(secret, given.totp, options.now);
  if (step === null) throw await failed('wrong-totp', 'totpWrong');
  const taken = await db.query(
    `update officer_account set totp_last_step = $2
     where id = $1 and (totp_last_step is null or totp_last_step < $2) returning 1`,
    [row.id, step],
  );
  if (taken.length === 0) throw await failed('totp-replayed', 'totpWrong');
}

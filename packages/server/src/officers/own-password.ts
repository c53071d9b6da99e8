import { countAttempt, uncountAttempt } from '../applications/lockout.js';
import type { Db } from '../db/index.js';
import type { Limit } from '../limits.js';
import { say } from '../messages/index.js';
import { problem } from '../problem.js';
import { setPassword } from './accounts.js';
import { audit } from './audit.js';
import { passwordRule, verifyPassword } from './passwords.js';
import { createSession, type SessionAccount, type SessionSettings } from './sessions.js';

/** A new password the rules refuse: 422 `invalid-password` at `pointer`, in the request's language. */
export function checkNewPassword(password: string, username: string, pointer: string): void {
  const rule = passwordRule(password, username);
  if (rule) throw problem('invalid-password', 422, say('passwordWeak', rule), pointer);
}

/**
 * A signed-in officer changes its own password: the current one is checked like a sign-in (counted
 * against the username's lockout first, so a stolen session cannot guess it faster than the sign-in
 * form), then the CLI's setPassword (its rules, `password-set` audited with the officer as actor,
 * every session of the account ended), then a new session for this browser.
 */
export async function changeOwnPassword(
  db: Db,
  account: SessionAccount,
  given: { current: string; next: string; ip: string },
  options: { now: Date; lockout: Limit; sessions: SessionSettings },
) {
  const who = { actor: `officer:${account.username}`, accountId: account.id, username: account.username };
  const locked = await countAttempt(db, account.username, options.lockout, 'signin');
  if (locked) {
    await audit(db, { ...who, event: 'locked-out', ip: given.ip, detail: { retryAfter: locked } });
    throw Object.assign(problem('too-many-requests', 429, say('signInLocked', locked)), {
      retryAfter: locked,
    });
  }
  const [row] = await db.query<{ password_hash: string | null }>(
    'select password_hash from officer_account where id = $1',
    [account.id],
  );
  if (!row?.password_hash || !(await verifyPassword(given.current, row.password_hash))) {
    const detail = { reason: 'wrong-current-password' };
    await audit(db, { ...who, event: 'password-change-failed', ip: given.ip, detail });
    throw problem('invalid-password', 422, say('currentPasswordWrong'), '/current_password');
  }
  await uncountAttempt(db, account.username, options.lockout, 'signin');
  checkNewPassword(given.next, account.username, '/new_password');
  await setPassword(db, account.username, given.next, who.actor);
  return createSession(db, account, 'password', options.now, options.sessions);
}

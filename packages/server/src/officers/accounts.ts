import {
  assertAgencyExists,
  assertRegionExists,
  cleanName,
  OfficerInputError,
} from '../applications/officer-tokens.js';
import { newId } from '../applications/secrets.js';
import type { Db, Queryable } from '../db/index.js';
import { audit } from './audit.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { newTotpSecret } from './totp.js';

// Officer accounts: the people who sign in to the desk (the `officers` CLI). Their scope is a
// bearer token's: one agency in one region (a province code covers its kabupaten/kota).

export const roles = ['officer', 'supervisor', 'admin'] as const;
export type Role = (typeof roles)[number];

export interface OfficerAccount {
  id: string;
  username: string;
  name: string;
  agency_id: string;
  region_code: string;
  roles: Role[];
  has_password: boolean;
  has_totp: boolean;
  oidc_subject: string | null;
  disabled_at: Date | null;
  created_at: Date;
}

export const accountColumns = `id, username, name, agency_id, region_code, roles,
  password_hash is not null as has_password, totp_secret is not null as has_totp, oidc_subject,
  disabled_at, created_at`;

const usernamePattern = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** A username as stored: lower case; refused unless 3-64 of a-z, 0-9, '.', '_', '-'. */
export function cleanUsername(username: string): string {
  const lower = username.trim().toLowerCase();
  if (!usernamePattern.test(lower)) {
    throw new OfficerInputError(
      `username "${username}" must be 3-64 characters of a-z, 0-9, ".", "_" or "-", starting with a letter or digit`,
    );
  }
  return lower;
}

export function cleanRoles(given: string[]): Role[] {
  const list = [...new Set(given.map((r) => r.trim()).filter(Boolean))];
  if (list.length === 0) throw new OfficerInputError(`give at least one role: ${roles.join(', ')}`);
  const unknown = list.filter((r) => !(roles as readonly string[]).includes(r));
  if (unknown.length > 0) {
    throw new OfficerInputError(`unknown role "${unknown[0]}": the roles are ${roles.join(', ')}`);
  }
  return list as Role[];
}

function checkPassword(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new OfficerInputError(problem);
}

export interface NewAccount {
  username: string;
  name: string;
  agency: string;
  region: string;
  roles: string[];
  /** Absent: single sign-on only (until `set-password`). */
  password?: string | undefined;
  /** Enrol a TOTP key now (always done for admins). */
  totp?: boolean | undefined;
  oidcSubject?: string | undefined;
}

/** Creates an account; returns it with its TOTP key when one was enrolled (shown once to the admin). */
export async function addAccount(
  db: Db,
  input: NewAccount,
  actor = 'cli',
): Promise<{ account: OfficerAccount; totpSecret: string | null }> {
  const username = cleanUsername(input.username);
  const name = cleanName(input.name);
  const accountRoles = cleanRoles(input.roles);
  if (input.password !== undefined) checkPassword(input.password, username);
  await assertAgencyExists(db, input.agency);
  await assertRegionExists(db, input.region);
  const taken = await db.query('select 1 from officer_account where username = $1', [username]);
  if (taken.length > 0) throw new OfficerInputError(`there is already an account "${username}"`);
  const totpSecret = input.totp || accountRoles.includes('admin') ? newTotpSecret() : null;
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [account] = await tx.query<OfficerAccount>(
      `insert into officer_account (id, username, name, agency_id, region_code, roles, password_hash, totp_secret, oidc_subject)
       values ($1, $2, $3, $4, $5, $6::text[], $7, $8, $9) returning ${accountColumns}`,
      [
        newId(),
        username,
        name,
        input.agency,
        input.region,
        accountRoles,
        passwordHash,
        totpSecret,
        input.oidcSubject ?? null,
      ],
    );
    if (!account) throw new Error('insert returned no account');
    const detail = {
      roles: accountRoles,
      agency: input.agency,
      region: input.region,
      totp: totpSecret !== null,
    };
    await audit(tx, { event: 'account-added', actor, accountId: account.id, username, detail });
    return { account, totpSecret };
  });
}

/** Accounts (never their secrets), by username, optionally of one agency and/or region. */
export function listAccounts(
  db: Queryable,
  filter: { agency?: string | undefined; region?: string | undefined } = {},
): Promise<OfficerAccount[]> {
  return db.query<OfficerAccount>(
    `select ${accountColumns} from officer_account
     where ($1::text is null or agency_id = $1) and ($2::text is null or region_code = $2)
     order by username`,
    [filter.agency ?? null, filter.region ?? null],
  );
}

export async function findAccount(db: Queryable, username: string): Promise<OfficerAccount> {
  const rows = await db.query<OfficerAccount>(
    `select ${accountColumns} from officer_account where username = $1`,
    [username.trim().toLowerCase()],
  );
  if (!rows[0]) throw new OfficerInputError(`there is no account "${username}" (see "officers list")`);
  return rows[0];
}

/**
 * Changes an account: its sessions end at once (a new password, a new TOTP key and disabling all
 * mean whoever held the old one must sign in again), and the change is audited.
 */
async function change(
  db: Db,
  username: string,
  set: { sql: string; params: unknown[] },
  event: 'password-set' | 'totp-reset' | 'account-disabled' | 'account-enabled' | 'roles-set',
  actor: string,
  detail: Record<string, unknown> = {},
): Promise<OfficerAccount> {
  const account = await findAccount(db, username);
  return db.transaction(async (tx) => {
    const [changed] = await tx.query<OfficerAccount>(
      `update officer_account set ${set.sql}, updated_at = now() where id = $1 returning ${accountColumns}`,
      [account.id, ...set.params],
    );
    const ended = await tx.query('delete from officer_session where account_id = $1 returning 1', [
      account.id,
    ]);
    await audit(tx, {
      event,
      actor,
      accountId: account.id,
      username: account.username,
      detail: { ...detail, sessionsEnded: ended.length },
    });
    return changed ?? account;
  });
}

export async function setPassword(db: Db, username: string, password: string, actor = 'cli') {
  const account = await findAccount(db, username);
  checkPassword(password, account.username);
  const hash = await hashPassword(password);
  return change(db, username, { sql: 'password_hash = $2', params: [hash] }, 'password-set', actor);
}

/** A new TOTP key (the old one stops working): returns it to show once as an otpauth:// URI. */
export async function resetTotp(db: Db, username: string, actor = 'cli') {
  const secret = newTotpSecret();
  const sql = 'totp_secret = $2, totp_last_step = null';
  const account = await change(db, username, { sql, params: [secret] }, 'totp-reset', actor);
  return { account, totpSecret: secret };
}

/** Disables an account: no sign-in, and every session of it ends at once. */
export function disableAccount(db: Db, username: string, actor = 'cli') {
  const sql = 'disabled_at = coalesce(disabled_at, now())';
  return change(db, username, { sql, params: [] }, 'account-disabled', actor);
}

export function enableAccount(db: Db, username: string, actor = 'cli') {
  return change(db, username, { sql: 'disabled_at = null', params: [] }, 'account-enabled', actor);
}

/**
 * Replaces an account's roles (its sessions end, so the next sign-in carries them). An account made
 * admin gets a TOTP key if it has none (admins always use one): returned to show once.
 */
export async function setRoles(db: Db, username: string, given: string[], actor = 'cli') {
  const next = cleanRoles(given);
  const before = await findAccount(db, username);
  const totpSecret = next.includes('admin') && !before.has_totp ? newTotpSecret() : null;
  const sql = totpSecret
    ? 'roles = $2::text[], totp_secret = $3, totp_last_step = null'
    : 'roles = $2::text[]';
  const params = totpSecret ? [next, totpSecret] : [next];
  const detail = { before: before.roles, after: next, totp: totpSecret !== null };
  const account = await change(db, username, { sql, params }, 'roles-set', actor, detail);
  return { account, totpSecret };
}

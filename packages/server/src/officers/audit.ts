import type { Officer } from '../applications/security.js';
import type { Queryable } from '../db/index.js';

/** What the audit log records (officer_audit.event). */
export type AuditEvent =
  | 'sign-in'
  | 'sign-in-failed'
  | 'locked-out'
  | 'sign-out'
  | 'session-expired'
  | 'request'
  | 'account-added'
  | 'password-set'
  | 'password-change-failed'
  | 'totp-reset'
  | 'account-disabled'
  | 'account-enabled'
  | 'roles-set'
  | 'origin-added'
  | 'origin-removed'
  | 'webhook-added'
  | 'webhook-enabled'
  | 'webhook-tested'
  | 'webhook-removed';

export interface AuditEntry {
  event: AuditEvent;
  actor: string;
  accountId?: string | null;
  tokenId?: string | null;
  username?: string | null;
  ip?: string | null;
  method?: string | null;
  path?: string | null;
  status?: number | null;
  /** Anything else worth keeping (a reason, the roles given): never a password, code, token or session id. */
  detail?: Record<string, unknown>;
}

/** Appends one entry to the audit log (officer_audit). */
export async function audit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.query(
    `insert into officer_audit (event, actor, account_id, token_id, username, ip, method, path, status, detail)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text::jsonb)`,
    [
      entry.event,
      entry.actor,
      entry.accountId ?? null,
      entry.tokenId ?? null,
      entry.username?.slice(0, 100) ?? null,
      entry.ip ?? null,
      entry.method ?? null,
      entry.path?.slice(0, 300) ?? null,
      entry.status ?? null,
      JSON.stringify(entry.detail ?? {}),
    ],
  );
}

/**
 * An action an officer took through the officer API (an origin or webhook changed…), by a desk
 * session (`officer:<username>`) or a bearer token (`token:<name>`): who, and what in `detail`.
 */
export function auditAction(
  db: Queryable,
  officer: Officer,
  event: AuditEvent,
  detail: Record<string, unknown>,
  ip?: string,
): Promise<void> {
  const account = officer.account;
  return audit(db, {
    event,
    actor: account ? `officer:${account.username}` : `token:${officer.name}`,
    accountId: account ? officer.id : null,
    tokenId: account ? null : officer.id,
    username: account?.username ?? null,
    ip: ip ?? null,
    detail,
  });
}

export interface AuditRow {
  id: number;
  at: Date;
  event: AuditEvent;
  actor: string;
  account_id: string | null;
  token_id: string | null;
  username: string | null;
  ip: string | null;
  method: string | null;
  path: string | null;
  status: number | null;
  detail: Record<string, unknown>;
}

/** The newest entries first (the `officers audit` command and tests). */
export function readAudit(
  db: Queryable,
  filter: { username?: string | undefined; limit?: number } = {},
): Promise<AuditRow[]> {
  return db.query<AuditRow>(
    `select id::int as id, at, event, actor, account_id, token_id, username, ip, method, path, status, detail
     from officer_audit where ($1::text is null or username = $1) order by id desc limit $2`,
    [filter.username ?? null, filter.limit ?? 50],
  );
}

import type { Officer } from '../applications/security.js';
import { say } from '../messages/index.js';
import { problem } from '../problem.js';
import { type Role, roles } from './accounts.js';

// What each role may do (docs/officers.md): an officer works the queue of its scope; a supervisor
// also sees the agency's workload; an admin also manages accounts, origins and webhooks. Each role
// includes the ones before it. The operations that need more than `officer` say so in the contract
// (`x-loket-role`); app.ts wraps their handlers with `requireRole`, so the rule is in one place.

const rank = (role: Role) => roles.indexOf(role);

/** Whether an account with these roles may act as `needed` (its highest role counts). */
export function hasRole(given: readonly Role[], needed: Role): boolean {
  return given.some((role) => rank(role) >= rank(needed));
}

/**
 * Refuses (403 `role-required`) a desk session whose account lacks `needed`. A bearer token has no
 * account and keeps the scope it always had (integrations are not people with roles).
 */
export function requireRole(officer: Officer | undefined, needed: Role): void {
  if (!officer?.account) return;
  if (!hasRole(officer.account.roles, needed)) {
    throw problem('role-required', 403, say('roleRequired', needed));
  }
}

type Operation = { operationId?: string; 'x-loket-role'?: string };

/** The role each operation of the contract needs beyond `officer` (`x-loket-role`), by operationId. */
export function roleRules(contract: Record<string, unknown>): Map<string, Role> {
  const rules = new Map<string, Role>();
  const paths = (contract.paths ?? {}) as Record<string, Record<string, Operation>>;
  for (const item of Object.values(paths)) {
    for (const operation of Object.values(item)) {
      const needed = operation?.['x-loket-role'];
      if (!operation?.operationId || needed === undefined) continue;
      if (!(roles as readonly string[]).includes(needed)) {
        throw new Error(
          `${operation.operationId}: x-loket-role "${needed}" is not one of ${roles.join(', ')}`,
        );
      }
      rules.set(operation.operationId, needed as Role);
    }
  }
  return rules;
}

import type { components } from '@loket/sdk/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { assertRegionExists, OfficerInputError } from '../applications/officer-tokens.js';
import { addOrigin, listOrigins, parseOrigin, removeOrigin } from '../applications/origins.js';
import { iso } from '../applications/present.js';
import type { Officer } from '../applications/security.js';
import { pickLang } from '../http/lang.js';
import { say } from '../messages/index.js';
import {
  addAccount,
  disableAccount,
  enableAccount,
  findAccount,
  listAccounts,
  type OfficerAccount,
  resetTotp,
  setPassword,
  setRoles,
} from '../officers/accounts.js';
import { auditAction } from '../officers/audit.js';
import { checkNewPassword } from '../officers/own-password.js';
import { totpUri } from '../officers/totp.js';
import { problem } from '../problem.js';
import type { AppContext, OperationRequest } from './context.js';

// What an admin does from the desk: accounts and origins, through the same functions as the
// `officers` and `origins` commands (officers/accounts.ts, applications/origins.ts), within the
// admin's agency and region. The contract marks these operations `x-loket-role: admin` and
// session-only; app.ts checks the role.

type Account = components['schemas']['OfficerAccount'];

function adminOf(request: FastifyRequest): Officer & { account: NonNullable<Officer['account']> } {
  const officer = request.officer;
  if (!officer?.account) throw new Error('admin handler reached without a desk session');
  return officer as Officer & { account: NonNullable<Officer['account']> };
}

/** The admin's region, or a kabupaten/kota inside the admin's province. */
const inRegion = (officer: Officer, region: string) =>
  region === officer.region_code ||
  (officer.region_code.length === 2 && region.startsWith(`${officer.region_code}.`));

const inScope = (officer: Officer, account: OfficerAccount) =>
  account.agency_id === officer.agency_id && inRegion(officer, account.region_code);

export function presentAccount(row: OfficerAccount): Account {
  return {
    username: row.username,
    name: row.name,
    agency: row.agency_id,
    region: row.region_code,
    roles: row.roles,
    password: row.has_password,
    totp: row.has_totp,
    sso: row.oidc_subject !== null,
    disabled_at: row.disabled_at === null ? null : iso(row.disabled_at),
    created_at: iso(row.created_at),
  };
}

const created = (account: OfficerAccount, secret: string | null) => ({
  account: presentAccount(account),
  totp: secret ? { secret, uri: totpUri(secret, account.username) } : null,
});

/** The CLI's refusals (OfficerInputError, in English) as a 422 problem. */
async function refusedAs<T>(kind: 'invalid-account' | 'invalid-origin', run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof OfficerInputError)) throw error;
    const detail =
      kind === 'invalid-account' ? say('accountRefused', error.message) : say('originRefused', error.message);
    throw problem(kind, 422, detail);
  }
}

const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

export function officerAdminHandlers(ctx: AppContext) {
  /** The account named in the path, if the admin may manage it; 404 otherwise (as if it did not exist). */
  async function managed(request: FastifyRequest<{ Params: { username: string } }>) {
    const admin = adminOf(request);
    const { username } = request.params;
    const account = await findAccount(ctx.db, username).catch(() => null);
    if (!account || !inScope(admin, account))
      throw problem('not-found', 404, say('accountNotFound', username));
    return { admin, account, actor: `officer:${admin.account.username}` };
  }
  const notSelf = (admin: Officer, account: OfficerAccount) => {
    if (account.id === admin.id) throw problem('invalid-account', 422, say('notOwnAccount'));
  };
  const outside = (region: string) =>
    problem('invalid-account', 422, say('outsideRegion', region), '/region');

  return {
    async listOfficerAccounts(request: OperationRequest<'listOfficerAccounts'>, reply: FastifyReply) {
      const admin = adminOf(request);
      const rows = await listAccounts(ctx.db, { agency: admin.agency_id });
      noStore(reply);
      return { lang: pickLang(request), data: rows.filter((a) => inScope(admin, a)).map(presentAccount) };
    },

    async createOfficerAccount(request: OperationRequest<'createOfficerAccount'>, reply: FastifyReply) {
      const admin = adminOf(request);
      const { body } = request;
      if (!inRegion(admin, body.region)) throw outside(body.region);
      const input = { ...body, agency: admin.agency_id };
      const made = await refusedAs('invalid-account', () =>
        addAccount(ctx.db, input, `officer:${admin.account.username}`),
      );
      noStore(reply).code(201);
      return created(made.account, made.totpSecret);
    },

    async disableOfficerAccount(request: OperationRequest<'disableOfficerAccount'>, reply: FastifyReply) {
      const { admin, account, actor } = await managed(request);
      notSelf(admin, account);
      noStore(reply);
      return presentAccount(await disableAccount(ctx.db, account.username, actor));
    },

    async enableOfficerAccount(request: OperationRequest<'enableOfficerAccount'>, reply: FastifyReply) {
      const { account, actor } = await managed(request);
      noStore(reply);
      return presentAccount(await enableAccount(ctx.db, account.username, actor));
    },

    async resetOfficerTotp(request: OperationRequest<'resetOfficerTotp'>, reply: FastifyReply) {
      const { account, actor } = await managed(request);
      const reset = await resetTotp(ctx.db, account.username, actor);
      noStore(reply);
      return created(reset.account, reset.totpSecret);
    },

    async setOfficerRoles(request: OperationRequest<'setOfficerRoles'>, reply: FastifyReply) {
      const { admin, account, actor } = await managed(request);
      if (!request.body.roles.includes('admin')) notSelf(admin, account);
      const changed = await refusedAs('invalid-account', () =>
        setRoles(ctx.db, account.username, request.body.roles, actor),
      );
      noStore(reply);
      return created(changed.account, changed.totpSecret);
    },

    async setOfficerPassword(request: OperationRequest<'setOfficerPassword'>, reply: FastifyReply) {
      const { admin, account, actor } = await managed(request);
      if (account.id === admin.id) throw problem('invalid-password', 422, say('notOwnPassword'));
      checkNewPassword(request.body.password, account.username, '/password');
      noStore(reply);
      return presentAccount(await setPassword(ctx.db, account.username, request.body.password, actor));
    },

    async listAllowedOrigins(request: OperationRequest<'listAllowedOrigins'>, reply: FastifyReply) {
      const admin = adminOf(request);
      const rows = await listOrigins(ctx.db);
      noStore(reply);
      const data = rows
        .filter((r) => inRegion(admin, r.region_code))
        .map((r) => ({ region: r.region_code, origin: r.origin }));
      return { lang: pickLang(request), data };
    },

    async addAllowedOrigin(request: OperationRequest<'addAllowedOrigin'>, reply: FastifyReply) {
      const admin = adminOf(request);
      const { region } = request.body;
      const checked = parseOrigin(request.body.origin);
      if ('error' in checked)
        throw problem('invalid-origin', 422, say('originRefused', checked.error), '/origin');
      if (!inRegion(admin, region)) throw outside(region);
      await refusedAs('invalid-origin', () => assertRegionExists(ctx.db, region));
      await addOrigin(ctx.db, region, checked.origin);
      await auditAction(ctx.db, admin, 'origin-added', { region, origin: checked.origin }, request.ip);
      noStore(reply).code(201);
      return { region, origin: checked.origin };
    },

    async removeAllowedOrigin(request: OperationRequest<'removeAllowedOrigin'>, reply: FastifyReply) {
      const admin = adminOf(request);
      const { region, origin } = request.query;
      const checked = parseOrigin(origin);
      if ('error' in checked) throw problem('invalid-origin', 422, say('originRefused', checked.error));
      if (!inRegion(admin, region) || !(await removeOrigin(ctx.db, region, checked.origin))) {
        throw problem('not-found', 404, say('originNotListed', checked.origin, region));
      }
      await auditAction(ctx.db, admin, 'origin-removed', { region, origin: checked.origin }, request.ip);
      return reply.code(204).send();
    },
  } satisfies Record<string, (request: FastifyRequest<never>, reply: FastifyReply) => Promise<unknown>>;
}

import { type Core, get, type RequestOptions, readJson, send } from '../core.js';
import type {
  AllowedOrigin,
  AllowedOriginList,
  CreatedOfficerAccount,
  NewOfficerAccount,
  OfficerAccount,
  OfficerAccountList,
  OfficerPasswordChange,
  OfficerRole,
  OfficerSession,
} from '../types.js';

// What an admin does from the desk (docs/officers.md): accounts and allowed origins of the
// admin's agency and region. Desk session only (a bearer token is refused), so these are not
// methods of `createLoketOfficerClient`; the desk calls them with its session's core.

type SignalOnly = Pick<RequestOptions, 'signal'>;

/** `GET /v1/officer/accounts`: the accounts the admin manages, never their secrets. */
export function listAccounts(core: Core, options?: SignalOnly): Promise<OfficerAccountList> {
  return get(core, '/v1/officer/accounts', undefined, options);
}

/** `POST /v1/officer/accounts`: adds an account; its TOTP key, when enrolled, is shown only here. */
export async function createAccount(
  core: Core,
  request: NewOfficerAccount,
  options: SignalOnly = {},
): Promise<CreatedOfficerAccount> {
  const response = await send(core, '/v1/officer/accounts', { method: 'post', json: request, ...options });
  return readJson(response, options.signal);
}

type AccountAction = 'disable' | 'enable';

/** `POST /v1/officer/accounts/{username}/disable|enable`: no more sign-ins (its sessions end), or again. */
export async function switchAccount(
  core: Core,
  username: string,
  action: AccountAction,
  options: SignalOnly = {},
): Promise<OfficerAccount> {
  const route = `/v1/officer/accounts/{username}/${action}` as const;
  const response = await send(core, route, { method: 'post', path: { username }, ...options });
  return readJson(response, options.signal);
}

/** `POST /v1/officer/accounts/{username}/totp`: a new TOTP key, shown only here; its sessions end. */
export async function resetAccountTotp(
  core: Core,
  username: string,
  options: SignalOnly = {},
): Promise<CreatedOfficerAccount> {
  const route = '/v1/officer/accounts/{username}/totp';
  const response = await send(core, route, { method: 'post', path: { username }, ...options });
  return readJson(response, options.signal);
}

/** `PUT /v1/officer/accounts/{username}/roles`: replaces the roles; its sessions end. */
export async function setAccountRoles(
  core: Core,
  username: string,
  roles: OfficerRole[],
  options: SignalOnly = {},
): Promise<CreatedOfficerAccount> {
  const route = '/v1/officer/accounts/{username}/roles';
  const response = await send(core, route, {
    method: 'put',
    path: { username },
    json: { roles },
    ...options,
  });
  return readJson(response, options.signal);
}

/** `PUT /v1/officer/accounts/{username}/password`: a new password (the CLI's rules); its sessions end. */
export async function setAccountPassword(
  core: Core,
  username: string,
  password: string,
  options: SignalOnly = {},
): Promise<OfficerAccount> {
  const route = '/v1/officer/accounts/{username}/password';
  const response = await send(core, route, {
    method: 'put',
    path: { username },
    json: { password },
    ...options,
  });
  return readJson(response, options.signal);
}

/**
 * `PUT /v1/officer/session/password`: the signed-in officer's own new password, with the current
 * one. Every session of the account ends; the answer is the new session (its `csrf` replaces the old).
 */
export async function changeOwnPassword(
  core: Core,
  request: OfficerPasswordChange,
  options: SignalOnly = {},
): Promise<OfficerSession> {
  const route = '/v1/officer/session/password';
  const response = await send(core, route, { method: 'put', json: request, ...options });
  return readJson(response, options.signal);
}

/** `GET /v1/officer/origins`: the web origins allowed in the admin's region. */
export function listOrigins(core: Core, options?: SignalOnly): Promise<AllowedOriginList> {
  return get(core, '/v1/officer/origins', undefined, options);
}

/** `POST /v1/officer/origins`: allows an origin for a region (scheme://host[:port], no wildcard). */
export async function addOrigin(
  core: Core,
  request: AllowedOrigin,
  options: SignalOnly = {},
): Promise<AllowedOrigin> {
  const response = await send(core, '/v1/officer/origins', { method: 'post', json: request, ...options });
  return readJson(response, options.signal);
}

/** `DELETE /v1/officer/origins?region=&origin=`: stops allowing it (`404` when it was not allowed). */
export async function removeOrigin(
  core: Core,
  request: AllowedOrigin,
  options: SignalOnly = {},
): Promise<void> {
  await send(core, '/v1/officer/origins', { method: 'delete', searchParams: { ...request }, ...options });
}

import { type Core, type RequestOptions, readJson, send } from '../core.js';
import type { RecoveredSecret, SecretRecoveryAccepted, TrackingCode } from '../types.js';

// "Lupa kode rahasia?": a one-time link to a new secret, sent to the application's own e-mail or
// phone. Neither call is retried automatically (each counts against the limits).

type SignalOnly = Pick<RequestOptions, 'signal'>;

/**
 * `POST /v1/applications/{code}/secret-recovery`: asks for a one-time link to a new secret, sent
 * to `contact` (the e-mail address or phone number given on the application) when it matches.
 * The answer is the same whether or not it matched; a `429` when asked too often.
 */
export async function requestSecretRecovery(
  core: Core,
  code: TrackingCode,
  contact: string,
  options: SignalOnly = {},
): Promise<SecretRecoveryAccepted> {
  const route = '/v1/applications/{code}/secret-recovery';
  const response = await send(core, route, { method: 'post', path: { code }, json: { contact }, ...options });
  return readJson(response, options.signal);
}

/**
 * `POST /v1/applications/{code}/secret`: the recovery link's `token` (its `#pulih=…`) for a NEW
 * secret; the old one stops working. The token works once: a `404` for a used, expired or unknown one.
 */
export async function recoverSecret(
  core: Core,
  code: TrackingCode,
  token: string,
  options: SignalOnly = {},
): Promise<RecoveredSecret> {
  const route = '/v1/applications/{code}/secret';
  const response = await send(core, route, { method: 'post', path: { code }, json: { token }, ...options });
  return readJson(response, options.signal);
}

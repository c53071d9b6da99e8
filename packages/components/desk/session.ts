import { isLoketApiError } from '@loket/sdk';
import type { Locale } from '../src/i18n';
import { type DeskSession, deskCore, setSession } from './api';

// Signing in and out (the desk contract, docs/desk.md): POST, GET and DELETE /v1/officer/session.

export type SignInResult =
  | { ok: true; session: DeskSession }
  | { ok: false; reason: 'wrong' | 'totp' | 'locked' | 'failed' };

async function problemOf(error: unknown): Promise<{ status: number; type: string }> {
  const response = (error as { response?: Response }).response;
  if (isLoketApiError(error)) return { status: error.status, type: error.type };
  if (!response) return { status: 0, type: '' };
  const body = (await response.json().catch(() => ({}))) as { type?: string };
  return { status: response.status, type: body.type ?? '' };
}

/** The session this browser has, or null (never signed in, or it ended). */
export async function loadSession(locale: Locale): Promise<DeskSession | null> {
  try {
    const response = await deskCore(locale).http('v1/officer/session', { method: 'get' });
    const found = (await response.json()) as DeskSession;
    setSession(found);
    return found;
  } catch (error) {
    const { status } = await problemOf(error);
    if (status === 401 || status === 404) return null;
    throw error;
  }
}

/** Whether this server offers single sign-on (`LOKET_OIDC_ISSUER` set); false when it cannot tell. */
export async function ssoOffered(locale: Locale): Promise<boolean> {
  try {
    const response = await deskCore(locale).http('v1/officer/session/methods', { method: 'get' });
    return ((await response.json()) as { sso?: boolean }).sso === true;
  } catch {
    return false;
  }
}

export async function signIn(
  locale: Locale,
  credentials: { username: string; password: string; totp?: string },
): Promise<SignInResult> {
  try {
    const body = credentials.totp
      ? credentials
      : { username: credentials.username, password: credentials.password };
    const response = await deskCore(locale).http('v1/officer/session', { method: 'post', json: body });
    const found = (await response.json()) as DeskSession;
    setSession(found);
    return { ok: true, session: found };
  } catch (error) {
    const { status, type } = await problemOf(error);
    if (status === 401 && type.endsWith('totp-required')) return { ok: false, reason: 'totp' };
    if (status === 401) return { ok: false, reason: 'wrong' };
    if (status === 429) return { ok: false, reason: 'locked' };
    return { ok: false, reason: 'failed' };
  }
}

export async function signOut(locale: Locale): Promise<void> {
  try {
    await deskCore(locale).http('v1/officer/session', { method: 'delete' });
  } finally {
    setSession(null);
  }
}

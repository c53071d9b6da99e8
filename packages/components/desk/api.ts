import type { LoketCore } from '@loket/sdk';
import { createHttp } from '@loket/sdk/http';
import type { Locale } from '../src/i18n';

// The desk's connection to the API of its own origin: the session cookie (HttpOnly, set by
// POST /v1/officer/session) goes with every request by itself; the CSRF token the session gave is
// sent as `x-loket-csrf` on every state-changing request. A 401 from any officer request means
// the session ended: every screen is told (`onSessionEnded`) and the shell asks to sign in again.

export interface DeskOfficer {
  id: string;
  name: string;
  username: string;
  agency: string;
  regions: string[];
  roles: string[];
}

export interface DeskSession {
  officer: DeskOfficer;
  csrf: string;
  expiresAt: string;
}

const safe = new Set(['GET', 'HEAD', 'OPTIONS']);
const sessionPath = /\/v1\/officer\/session$/;

let base = '/';
let session: DeskSession | null = null;
const cores = new Map<string, LoketCore>();
const ended = new Set<() => void>();

/** Where the API is: the page's own origin unless a story points elsewhere. */
export function setApiBase(url: string | undefined): void {
  const next = url || '/';
  if (next !== base) cores.clear();
  base = next;
}

export const currentSession = (): DeskSession | null => session;

export function setSession(next: DeskSession | null): void {
  session = next;
}

/** Calls `listener` whenever the session ends under the officer's hands; returns the unsubscribe. */
export function onSessionEnded(listener: () => void): () => void {
  ended.add(listener);
  return () => ended.delete(listener);
}

async function deskFetch(request: Request): Promise<Response> {
  if (session && !safe.has(request.method)) request.headers.set('x-loket-csrf', session.csrf);
  const response = await fetch(request);
  if (response.status === 401 && session && !sessionPath.test(new URL(request.url).pathname)) {
    session = null;
    for (const listener of ended) listener();
  }
  return response;
}

/** An address of the API (for a navigation, such as single sign-on's start). */
export const apiUrl = (path: string): string => new URL(path, new URL(base, document.baseURI)).href;

/** The SDK core every desk screen calls the operations with (one per locale). */
export function deskCore(locale: Locale): LoketCore {
  let core = cores.get(locale);
  if (!core) {
    const baseUrl = new URL(base, document.baseURI);
    core = {
      http: createHttp({ baseUrl, locale, fetch: deskFetch as typeof fetch, retry: 0 }),
      region: undefined,
    };
    cores.set(locale, core);
  }
  return core;
}

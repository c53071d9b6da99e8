/**
 * Node-side helpers for the application session tests: the real API server in this process (as
 * the server's contract tests start it), a session of ktp-el-hilang in Kota Surabaya on it,
 * storages that play one device each, a network that fails on demand, complete answers and files,
 * and the officer's side of an application.
 */

import { expect } from 'vitest';
import { createOfficerToken } from '../../../server/src/applications/officer-tokens.js';
import { startTestServer, type TestServer } from '../../../server/test/helpers/app.js';
import { createLoketCore, createLoketOfficerClient, type OfficerApplication } from '../../src/index.js';
import {
  type ApplicationKey,
  type ApplicationSession,
  createApplicationSession,
  memoryStorage,
  recordKey,
  type SessionSnapshot,
} from '../../src/session/index.js';

export const SERVICE = 'ktp-el-hilang';
export const REGION = '35.78';

/** One device's storage (a reload keeps it, another device has another), and its record parsed. */
export function newDevice() {
  const storage = memoryStorage();
  const record = (): Record<string, unknown> | null => {
    const text = storage.getItem(recordKey(SERVICE, REGION));
    return text ? JSON.parse(text) : null;
  };
  return Object.assign(storage, { record, keyOf: () => record()?.key as ApplicationKey });
}
export type Device = ReturnType<typeof newDevice>;

export interface NetworkFault {
  /** A substring of the request URL, e.g. `/submit` or `/attachments`. */
  url: string;
  /** `before`: the request never reaches the server; `after`: it does, but the response is lost. */
  when: 'before' | 'after';
  /** How many matching requests fail; default: every one until `clear()`. */
  times?: number;
}

/**
 * The network between the sessions and the server: requests fail like a dropping mobile network
 * (as fetch fails: a `TypeError`), and `online()` says it is back, like the browser's event.
 */
export function network() {
  let faults: Array<Required<NetworkFault>> = [];
  const events = new EventTarget();
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const fault = faults.find((f) => f.times > 0 && url.includes(f.url));
    if (!fault) return globalThis.fetch(input, init);
    fault.times -= 1;
    if (fault.when === 'after') await globalThis.fetch(input, init).catch(() => undefined);
    throw new TypeError('fetch failed');
  };
  return {
    fetch,
    events,
    fault(fault: NetworkFault) {
      faults.push({ times: Number.POSITIVE_INFINITY, ...fault });
    },
    clear() {
      faults = [];
    },
    online() {
      events.dispatchEvent(new Event('online'));
    },
  };
}

/** The real API on a fresh seeded database, with the sessions, the network and the officer on it. */
export async function sessionHarness() {
  const server: TestServer = await startTestServer();
  const net = network();
  const core = createLoketCore({
    baseUrl: server.url,
    region: REGION,
    locale: 'id',
    timeout: 15_000,
    fetch: net.fetch,
  });
  const sessions = new Set<ApplicationSession>();
  const { token } = await createOfficerToken(server.db, {
    name: 'Uji Dukcapil Surabaya',
    agency: 'dukcapil',
    region: REGION,
  });
  const officer = createLoketOfficerClient({ baseUrl: server.url, token });
  return {
    server,
    net,
    /** A session on the real API; disposed by `reset()` (call it in afterEach). */
    open(storage: Device, service = SERVICE): ApplicationSession {
      const session = createApplicationSession({
        core,
        service,
        region: REGION,
        storage,
        events: net.events,
      });
      sessions.add(session);
      return session;
    },
    reset() {
      for (const session of sessions) session.dispose();
      sessions.clear();
      net.clear();
    },
    close: () => server.close(),
    /** The application as its agency's officer sees it (answers, files, the whole history). */
    officerView: (code: string): Promise<OfficerApplication> => officer.getApplication(code),
    /** The officer moves a submitted application on, one transition after another. */
    async officerMoves(code: string, ...moves: Parameters<typeof officer.transition>[1][]) {
      for (const move of moves) await officer.transition(code, move);
    },
    /** How many times the application was submitted, from its officer history. */
    submissions: async (code: string) =>
      (await officer.getApplication(code)).history.filter((entry) => entry.to === 'submitted').length,
    /** How many applications of a service exist, straight from the database. */
    async countApplications(service: string, status?: string): Promise<number> {
      const rows = await server.db.query<{ n: number }>(
        'select count(*)::int as n from application where service_id = $1 and ($2::text is null or status = $2)',
        [service, status ?? null],
      );
      return rows[0]?.n ?? 0;
    },
  };
}
export type SessionHarness = Awaited<ReturnType<typeof sessionHarness>>;

/** Waits until the session's snapshot satisfies `check`. */
export async function until(
  session: ApplicationSession,
  check: (snapshot: SessionSnapshot) => boolean,
  timeout = 10_000,
): Promise<SessionSnapshot> {
  await expect.poll(() => check(session.snapshot), { timeout }).toBe(true);
  return session.snapshot;
}

export { fillIn, pdfFile, person } from './fill-in.js';

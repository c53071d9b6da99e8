/// <reference types="node" />
/**
 * Browser commands: what a browser test asks Node to do, where a page cannot or must not reach.
 *
 * - `allowOrigin`: a region allows the test page's origin, as `origins add` does for a website;
 * - `officer`: an officer request with a bearer token (the officer API never answers a browser);
 * - `countApplications`: how many applications of a service exist, straight from the database;
 * - `networkFault`/`clearNetworkFaults`: requests of the calling test's frame fail like a
 *   dropping mobile network (Playwright routing), either before they reach the server or after
 *   the server answered (the response is lost: the case idempotency keys exist for);
 * - `importLocations`: MPP locations (test data) imported as `loket-server import` does, so a test
 *   can show what no real record has yet (coordinates);
 * - `recoveryToken`: the one-time token a "Lupa kode rahasia?" message carries for an application
 *   (made as the outbox makes it when it sends the message; server tests send it over real SMTP);
 * - `slowNetwork`: requests of the calling test's frame reach the server `ms` later (an answer
 *   that arrives after a newer one); `clearNetworkFaults` ends it too;
 * - the form's news (news-commands.ts): a region's phone gateway added and removed.
 */
/// <reference types="@vitest/browser-playwright" />
import type { BrowserCommand } from 'vitest/node';
import { createOfficerToken } from '../../server/src/applications/officer-tokens.js';
import { addOrigin } from '../../server/src/applications/origins.js';
import { newRecoveryToken } from '../../server/src/applications/recovery.js';
import { importLocations as importLocationFile } from '../../server/src/catalogue/location-import.js';
import { testServer } from './api-server.js';
import { newsCommands } from './news-commands.js';
import { performanceCommands } from './performance-commands.js';
import { receiptCommands } from './receipt-commands.js';
import { surveyCommands } from './survey-commands.js';

export interface OfficerRequest {
  /** The visit tests' API (its clock fixed) instead of the main one. */
  server?: 'main' | 'visits';
  agency: string;
  region: string;
  method: 'GET' | 'POST';
  /** Below the API root, e.g. `/v1/officer/applications/LKT…/transitions`. */
  path: string;
  body?: unknown;
}

export interface NetworkFault {
  /** A substring of the request URL, e.g. `/submit` or `/attachments`. */
  url: string;
  method?: string;
  /** `before`: the request never reaches the server; `after`: it does, but the response is lost. */
  when: 'before' | 'after';
  /** How many matching requests fail; default: every one until `clearNetworkFaults`. */
  times?: number;
}

const tokens = new Map<string, string>();

const allowOrigin: BrowserCommand<[region: string, origin: string, server?: 'main' | 'visits']> = async (
  _ctx,
  region,
  origin,
  server,
) => {
  await addOrigin(testServer(server).db, region, origin);
};

const officer: BrowserCommand<[request: OfficerRequest]> = async (_ctx, request) => {
  const server = testServer(request.server);
  const key = `${request.server ?? 'main'}:${request.agency}@${request.region}`;
  let token = tokens.get(key);
  if (!token) {
    token = (await createOfficerToken(server.db, { name: `test ${key}`, ...request })).token;
    tokens.set(key, token);
  }
  const response = await fetch(new URL(request.path, server.url), {
    method: request.method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
};

const countApplications: BrowserCommand<[service: string, status?: string]> = async (
  _ctx,
  service,
  status,
) => {
  const rows = await testServer().db.query<{ n: number }>(
    'select count(*)::int as n from application where service_id = $1 and ($2::text is null or status = $2)',
    [service, status ?? null],
  );
  return rows[0]?.n ?? 0;
};

const networkFault: BrowserCommand<[fault: NetworkFault]> = async (ctx, fault) => {
  const frame = await ctx.frame();
  let left = fault.times ?? Number.POSITIVE_INFINITY;
  await ctx.page.route(
    (url) => url.href.includes(fault.url),
    async (route) => {
      const request = route.request();
      const ours = request.frame() === frame && (!fault.method || request.method() === fault.method);
      if (!ours || left <= 0) return route.fallback();
      left -= 1;
      if (fault.when === 'after') await route.fetch().catch(() => undefined);
      await route.abort('internetdisconnected');
    },
  );
};

const slowNetwork: BrowserCommand<[slow: { url: string; ms: number }]> = async (ctx, { url, ms }) => {
  const frame = await ctx.frame();
  await ctx.page.route(
    (href) => href.href.includes(url),
    async (route) => {
      if (route.request().frame() === frame) await new Promise((done) => setTimeout(done, ms));
      await route.fallback().catch(() => undefined); // the page may have cancelled it meanwhile
    },
  );
};

const importLocations: BrowserCommand<[locations: unknown[]]> = async (_ctx, locations) => {
  const text = JSON.stringify({ locations });
  const report = await importLocationFile(testServer().db, { text, format: 'json' });
  if (!report.ok) throw new Error(`locations not imported: ${JSON.stringify(report.problems)}`);
};

const clearNetworkFaults: BrowserCommand<[]> = async (ctx) => {
  await ctx.page.unrouteAll({ behavior: 'ignoreErrors' });
};

const recoveryToken: BrowserCommand<[code: string]> = async (_ctx, code) => {
  const db = testServer().db;
  const bare = code.toUpperCase().replace(/-/g, '').replace(/^LKT/, '');
  const [row] = await db.query<{ id: string }>('select id from application where code = $1', [bare]);
  if (!row) throw new Error(`no application ${code}`);
  return newRecoveryToken(db, row.id, new Date());
};

export const commands = {
  allowOrigin,
  recoveryToken,
  officer,
  countApplications,
  importLocations,
  networkFault,
  slowNetwork,
  clearNetworkFaults,
  ...newsCommands,
  ...receiptCommands,
  ...surveyCommands,
  ...performanceCommands,
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    allowOrigin(region: string, origin: string, server?: 'main' | 'visits'): Promise<void>;
    recoveryToken(code: string): Promise<string>;
    officer(request: OfficerRequest): Promise<{ status: number; body: unknown }>;
    countApplications(service: string, status?: string): Promise<number>;
    importLocations(locations: unknown[]): Promise<void>;
    networkFault(fault: NetworkFault): Promise<void>;
    slowNetwork(slow: { url: string; ms: number }): Promise<void>;
    clearNetworkFaults(): Promise<void>;
  }
}

// ---------------------------------------------------------------------------------------------
// <loket-status-tracker>: an application's due date, set straight in the test database. Every
// service with a form has a known duration (ktp-el-hilang: 1 working day), and an application only
// becomes overdue days after it was sent: the tracker's tests set an unknown or a past due date here.
// ---------------------------------------------------------------------------------------------

export type DueUpdate =
  | {
      /** `YYYY-MM-DD`. */
      date: string;
      working_days: number;
      calendar: 'official' | 'provisional' | 'estimate';
    }
  | { date: null; working_days: null; calendar: 'none' };

const setDue: BrowserCommand<[code: string, due: DueUpdate]> = async (_ctx, code, due) => {
  const bare = code.toUpperCase().replace(/-/g, '').replace(/^LKT/, '');
  const rows = await testServer().db.query(
    `update application set due_date = $2::date, due_working_days = $3, due_calendar = $4
     where code = $1 returning id`,
    [bare, due.date, due.working_days, due.calendar],
  );
  if (rows.length !== 1) throw new Error(`no application ${code}`);
};

Object.assign(commands, { setDue });

declare module 'vitest/browser' {
  interface BrowserCommands {
    setDue(code: string, due: DueUpdate): Promise<void>;
  }
}

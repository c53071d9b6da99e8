/// <reference types="node" />
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';
import { startTestServer } from '../../server/test/helpers/app.js';
import { setTestServer } from './api-server.js';

/** The visits API's clock: Monday 11 January 2027, 08:00 WIB (Siola's demo hours have begun). */
const VISITS_NOW = new Date('2027-01-11T01:00:00Z');

declare module 'vitest' {
  export interface ProvidedContext {
    /** The real Loket API on an in-memory database seeded with the real catalogue. */
    apiBase: string;
    /** A local port nothing listens on: requests to it fail like an unreachable API. */
    closedApiBase: string;
    /**
     * A second real API for the visit tests, its clock on Monday 11 January 2027, 08:00 WIB (so
     * the day has bookable times whenever the tests run; the first API keeps the real clock).
     */
    visitsApiBase: string;
  }
}

/**
 * Node side of the browser tests: one real API server for the run (CORS `*` on the catalogue;
 * applications answer the origins a test allows with `commands.allowOrigin`).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [server, visits] = await Promise.all([startTestServer(), startTestServer({ now: () => VISITS_NOW })]);
  setTestServer(server);
  setTestServer(visits, 'visits');
  project.provide('apiBase', server.url);
  project.provide('visitsApiBase', visits.url);
  project.provide('closedApiBase', `http://127.0.0.1:${await closedPort()}`);
  return async () => {
    setTestServer(undefined);
    setTestServer(undefined, 'visits');
    await Promise.all([server.close(), visits.close()]);
  };
}

/** A port that was free a moment ago and is closed again. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

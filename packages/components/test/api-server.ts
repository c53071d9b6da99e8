/// <reference types="node" />
// The one real API server of a browser test run, shared between test/global-setup.ts (which
// starts it) and the browser commands in test/commands.ts (which act on it from Node). Both run
// in vitest's main process but may be loaded as separate module instances, so the handle lives on
// globalThis.
import type { TestServer } from '../../server/test/helpers/app.js';

const KEY = Symbol.for('loket.components.testServer');
type Holder = { [KEY]?: TestServer };

export function setTestServer(server: TestServer | undefined): void {
  (globalThis as Holder)[KEY] = server;
}

export function testServer(): TestServer {
  const server = (globalThis as Holder)[KEY];
  if (!server) throw new Error('The test API server is not running (test/global-setup.ts).');
  return server;
}

/// <reference types="node" />
// The one real API server of a browser test run, shared between test/global-setup.ts (which
// starts it) and the browser commands in test/commands.ts (which act on it from Node). Both run
// in vitest's main process but may be loaded as separate module instances, so the handle lives on
// globalThis.
import type { TestServer } from '../../server/test/helpers/app.js';

const KEY = Symbol.for('loket.components.testServer');
const VISITS = Symbol.for('loket.components.visitsTestServer');
type Holder = { [KEY]?: TestServer; [VISITS]?: TestServer };

/** `which`: the API of most tests, or the visit tests' own (its clock fixed, see global-setup.ts). */
export function setTestServer(server: TestServer | undefined, which: 'main' | 'visits' = 'main'): void {
  (globalThis as Holder)[which === 'main' ? KEY : VISITS] = server;
}

export function testServer(which: 'main' | 'visits' = 'main'): TestServer {
  const server = (globalThis as Holder)[which === 'main' ? KEY : VISITS];
  if (!server) throw new Error('The test API server is not running (test/global-setup.ts).');
  return server;
}

// The API and the demo site as `pnpm start` serves them (scripts/start.mjs: the built server with
// the real catalogue, the demo on its own origin), on free ports and a throw-away data directory,
// so the Lighthouse part of `pnpm bench` never touches a developer's ./data or ports 8080/8081.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const startScript = fileURLToPath(new URL('../start.mjs', import.meta.url));

/** A port nothing listens on right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts `scripts/start.mjs` and resolves when it says "Loket is running".
 *
 * @param {{ log?: (line: string) => void, timeoutMs?: number }} [options]
 * @returns {Promise<{ site: string, api: string, stop: () => Promise<void> }>}
 */
export async function startStack({ log = () => {}, timeoutMs = 240_000 } = {}) {
  const dataDir = await mkdtemp(join(os.tmpdir(), 'loket-lighthouse-'));
  const [port, demoPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, [startScript], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DEMO_PORT: String(demoPort),
      DEMO_SMTP_PORT: '0',
      LOKET_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`not running after ${timeoutMs / 1000} s:\n${output}`)),
        timeoutMs,
      );
      const onData = (chunk) => {
        output += chunk;
        for (const line of String(chunk).split('\n')) if (line.startsWith('[start]')) log(line);
        if (output.includes('Loket is running')) {
          clearTimeout(timer);
          resolve(undefined);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`scripts/start.mjs exited with ${code}:\n${output}`));
      });
    });
  } catch (err) {
    await stop();
    throw err;
  }
  return { site: `http://127.0.0.1:${demoPort}`, api: `http://127.0.0.1:${port}`, stop };
}

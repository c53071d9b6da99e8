import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlSocketPath } from '../src/control.js';

// `loket-server serve` as a process, the way `pnpm start` and production run it: it listens,
// opens the backup socket, and on SIGTERM closes gracefully (the socket too) with exit code 0.

const serverDir = new URL('..', import.meta.url).pathname;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'loket-serve-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('loket-server serve', () => {
  it('listens with its backup socket, and a SIGTERM closes both and exits cleanly', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(serverDir, 'src/cli.ts'), 'serve'], {
      cwd: serverDir,
      env: { ...process.env, LOKET_DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0', LOG_LEVEL: 'info' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    const started = Date.now();
    while (!/Server listening at http:\/\/127\.0\.0\.1:(\d+)/.test(output)) {
      if (child.exitCode !== null) throw new Error(`serve exited early:\n${output}`);
      if (Date.now() - started > 50_000) throw new Error(`serve did not listen:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const port = output.match(/Server listening at http:\/\/127\.0\.0\.1:(\d+)/)?.[1];
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
    expect(ready.status).toBe(200);
    while (!existsSync(controlSocketPath(dataDir)) && Date.now() - started < 50_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(existsSync(controlSocketPath(dataDir))).toBe(true);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toMatch(/shutting down/);
    expect(output).not.toMatch(/"level":(50|60)|Error|already listening/);
    expect(existsSync(controlSocketPath(dataDir))).toBe(false);
  }, 60_000);
});

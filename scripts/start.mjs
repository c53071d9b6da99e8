#!/usr/bin/env node
// `pnpm start` (after `pnpm build`): the Loket API with the real catalogue and the demo regional
// website next to it, on its own origin, as a real kota's website would call the API.
//
//   1. refuses early, with a clear message, when the API or demo port is taken;
//   2. allows the demo's origins to take applications for Kota Surabaya (35.78): `origins add`
//      needs the embedded database to itself, so it runs before the API (and seeds an empty one);
//   3. imports Kota Surabaya's own data (packages/server/data/regions/35.78: its own services, then
//      its overrides of catalogue services) the same way, with `import DIR`; every start re-imports
//      the folder (an upsert), so the demo shows what it says now. Other regions see the plain catalogue;
//   4. for the same reason, creates a demo officer token (Dukcapil, 35.78) so a newcomer can move
//      an application with curl, a demo survey kiosk at MPP Siola (its link opens /survei.html
//      in kiosk mode), revoking the ones earlier runs created (known by their names), and a demo
//      officer account for the desk (/petugas/) with a new password and TOTP key each start;
//   5. starts `cli.js serve --seed-if-empty` as a child (env inherited; SIGINT/SIGTERM forwarded;
//      this script exits when it exits) and the demo server in this process;
//   6. unless LOKET_SMTP_URL is set, starts the demo's mail catcher (packages/demo/mail-catcher.mjs,
//      a real SMTP server on 127.0.0.1:DEMO_SMTP_PORT that relays nothing) and points the API's
//      LOKET_SMTP_URL at it; the demo site lists what it caught at /surat.html. LOKET_TRACKER_URL
//      defaults to the demo's tracker (/lacak.html#kode={code}), so the e-mails link back to it,
//      LOKET_BOOKING_URL to the demo's booking page (/antrean.html#kode={code}), and
//      LOKET_COMPLAINT_URL to the demo's complaint lookup (/pengaduan.html#kode={code}), and
//      LOKET_SURVEY_URL to the demo's survey page with the invitation's token (/survei.html#survei={token});
//   7. waits for GET /health/ready and prints where everything is (where mail goes too), with the
//      desk's address and the demo officer's sign-in, and the officer's curl examples.
//
// Env: HOST, PORT (the API's, 8080), DEMO_PORT (8081), DEMO_HOST (HOST), DEMO_SMTP_PORT (the mail
// catcher's, 2525; 0 picks a free one), LOKET_API_URL (the API URL the demo pages call; default:
// the page's hostname with PORT), and everything the API reads.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMailCatcher } from '../packages/demo/mail-catcher.mjs';
import { startDemo } from '../packages/demo/serve.mjs';
import { deskHelp, officerHelp, renewDemoOfficerAccount, renewDemoOfficerToken } from './start-officers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'packages', 'server', 'dist', 'cli.js');
const DEMO_REGION = '35.78'; // Kota Surabaya
const DEMO_AGENCY = 'dukcapil';
/** Kota Surabaya's own data (its services.json and overrides.json), imported for the demo. */
const DEMO_REGION_DATA = join(root, 'packages', 'server', 'data', 'regions', DEMO_REGION);
/** The demo's survey kiosk: where it stands, and its name (see `kiosk list`), to revoke earlier ones. */
const DEMO_KIOSK_LOCATION = 'mpp-surabaya-siola';
const DEMO_KIOSK_NAME = 'Tablet contoh (pnpm start)';

const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 8080);
const demoHost = process.env.DEMO_HOST || host;
const demoPort = Number(process.env.DEMO_PORT || 8081);
const smtpPort = Number(process.env.DEMO_SMTP_PORT ?? 2525);
const apiUrl = process.env.LOKET_API_URL || undefined;
/** Where a browser on this machine reaches a server listening on `address`. */
const local = (address) => (['0.0.0.0', '::', ''].includes(address) ? '127.0.0.1' : address);
const apiBase = `http://${local(host)}:${port}`;

let api = null;
let demo = null;
let mail = null;

async function main() {
  await assertPortFree(host, port, 'the Loket API', 'PORT');
  await assertPortFree(demoHost, demoPort, 'the demo site', 'DEMO_PORT');
  await allowDemoOrigins();
  if (stopping) return;
  await importDemoRegionData();
  if (stopping) return;
  const demoScope = { runCli, agency: DEMO_AGENCY, region: DEMO_REGION };
  const officerToken = await renewDemoOfficerToken(demoScope);
  if (stopping) return;
  const deskAccount = await renewDemoOfficerAccount(demoScope);
  if (stopping) return;
  const kioskToken = await renewDemoKiosk();
  if (stopping) return;
  const site = `http://${local(demoHost)}:${demoPort}/`;
  const apiEnv = { ...process.env };
  if (!apiEnv.LOKET_SMTP_URL) {
    if (smtpPort) await assertPortFree('127.0.0.1', smtpPort, "the demo's mail catcher", 'DEMO_SMTP_PORT');
    mail = await startMailCatcher({ host: '127.0.0.1', port: smtpPort });
    apiEnv.LOKET_SMTP_URL = mail.url;
  }
  apiEnv.LOKET_TRACKER_URL ||= `${site}lacak.html#kode={code}`;
  apiEnv.LOKET_BOOKING_URL ||= `${site}antrean.html#kode={code}`;
  apiEnv.LOKET_COMPLAINT_URL ||= `${site}pengaduan.html#kode={code}`;
  apiEnv.LOKET_SURVEY_URL ||= `${site}survei.html#survei={token}`;
  apiEnv.LOKET_MAIL_FROM ||= 'Portal Layanan Publik Kota Surabaya (contoh) <loket@surabaya.example>';

  api = spawn(process.execPath, [cli, 'serve', '--seed-if-empty'], {
    stdio: 'inherit',
    env: apiEnv,
    // Its own process group: Ctrl+C reaches only this script, which forwards it once (a second
    // signal would make the API skip its graceful shutdown).
    detached: process.platform !== 'win32',
  });
  api.on('exit', (code, signal) => {
    api = null;
    if (!stopping) console.error(`[start] the API stopped (${signal ?? `exit code ${code}`})`);
    void finish(code ?? (stopping ? 0 : 1));
  });

  demo = await startDemo({ host: demoHost, port: demoPort, apiPort: port, apiUrl, mail: mail ?? undefined });

  await waitUntilReady(`${apiBase}/health/ready`);
  console.log(`
  Loket is running.

    Demo website (Kota Surabaya)   ${site}
    Loket API                      ${apiBase}/v1/services
    API reference                  ${apiBase}/docs
${['0.0.0.0', '::'].includes(demoHost) ? `\n    From another device: http://<this machine's address>:${demoPort}/\n` : ''}
${mailHelp(site, apiEnv)}
${deskHelp(deskAccount, apiBase)}
${officerHelp(officerToken, apiBase)}
  Survey kiosk at MPP Siola (demo; a new one each start): open on the "tablet"
    ${site}survei.html#kios=${kioskToken}

  Press Ctrl+C to stop both.
`);
}

/** Fails with a message that says what to do when something already listens on the port. */
function assertPortFree(address, portNumber, what, variable) {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err) => {
      if (err.code === 'EADDRINUSE') {
        reject(
          new Error(
            `Port ${portNumber} on ${address} is already in use, so ${what} cannot start there.\n` +
              `Stop whatever listens on it (another \`pnpm start\`?) or pick another port, e.g. ${variable}=${portNumber + 10} pnpm start`,
          ),
        );
      } else reject(err);
    });
    probe.listen(portNumber, address, () => probe.close(resolve));
  });
}

/**
 * Lets the demo site take applications for Kota Surabaya once its origins are allowed: idempotent,
 * and quick when they already are (one `origins list`).
 */
async function allowDemoOrigins() {
  const origins = [`http://localhost:${demoPort}`, `http://127.0.0.1:${demoPort}`];
  let list = await runCli(['origins', 'list', DEMO_REGION]);
  if (list.code !== 0 && /no region/i.test(list.stderr)) {
    console.log('[start] empty database: seeding the real catalogue…');
    const seeded = await runCli(['seed']);
    if (seeded.code !== 0) throw new Error(`seeding failed:\n${seeded.stderr}`);
    list = await runCli(['origins', 'list', DEMO_REGION]);
  }
  if (list.code !== 0) throw new Error(list.stderr.trim() || `origins list failed (exit code ${list.code})`);
  const allowed = new Set(list.stdout.split('\n').map((line) => line.split('\t')[1]));
  for (const origin of origins.filter((o) => !allowed.has(o))) {
    const added = await runCli(['origins', 'add', DEMO_REGION, origin]);
    if (added.code !== 0) throw new Error(added.stderr.trim());
    console.log(`[start] ${added.stdout.trim()} (the demo site)`);
  }
}

/** Imports Kota Surabaya's folder: its services, then its overrides (all or nothing per file). */
async function importDemoRegionData() {
  const imported = await runCli(['import', DEMO_REGION_DATA]);
  if (imported.code !== 0)
    throw new Error(`importing ${DEMO_REGION_DATA} failed:\n${imported.stderr.trim()}`);
  for (const line of imported.stdout.trim().split('\n')) console.log(`[start] Kota Surabaya's data: ${line}`);
}

/**
 * A fresh survey kiosk at MPP Siola, so /survei.html can be tried in kiosk mode; the kiosks earlier
 * starts made are revoked. A demo convenience, like the officer token: a real MPP registers each
 * tablet once (`kiosk add`) and keeps its token on the tablet.
 */
async function renewDemoKiosk() {
  const list = await runCli(['kiosk', 'list', '--location', DEMO_KIOSK_LOCATION, '--json']);
  if (list.code !== 0) throw new Error(list.stderr.trim() || `kiosk list failed (exit code ${list.code})`);
  const earlier = JSON.parse(list.stdout).filter((k) => k.name === DEMO_KIOSK_NAME && !k.revoked_at);
  for (const { id } of earlier) {
    const revoked = await runCli(['kiosk', 'revoke', id]);
    if (revoked.code !== 0) throw new Error(revoked.stderr.trim());
  }
  const args = ['kiosk', 'add', '--location', DEMO_KIOSK_LOCATION, '--name', DEMO_KIOSK_NAME, '--json'];
  const created = await runCli(args);
  if (created.code !== 0) throw new Error(created.stderr.trim() || 'kiosk add failed');
  console.log(`[start] demo survey kiosk created at ${DEMO_KIOSK_LOCATION}`);
  return JSON.parse(created.stdout).token;
}

/** Where the citizens' e-mails go: the demo's catcher (and its page), or the SMTP server given. */
function mailHelp(site, env) {
  const where = mail
    ? `the demo's mail catcher, ${mail.url} (nothing leaves this machine)
    Caught e-mails                 ${site}surat.html  (JSON: ${site}surat.json)`
    : `${redactUrl(env.LOKET_SMTP_URL)} (LOKET_SMTP_URL)`;
  return `  E-mail to citizens goes to ${where}
    An application with an e-mail address gets one at each status change; its link opens
    ${env.LOKET_TRACKER_URL}
`;
}

const redactUrl = (url) => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');

/** Runs a server CLI command to completion, with `input` on its standard input, collecting its output. */
function runCli(args, input = '') {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { env: process.env });
    child.stdin.end(input);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function waitUntilReady(url, timeoutMs = 180_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!api) throw new Error('the API exited before it was ready');
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the API was not ready at ${url} after ${timeoutMs / 1000} s`);
}

let stopping = false;
let failed = false;

/** Stops the API (its exit handler then finishes) or, when it is not running, finishes now. */
function stop(signal = 'SIGTERM') {
  stopping = true;
  if (api) api.kill(signal);
  else void finish(0);
}

async function finish(code) {
  await demo?.close().catch(() => {});
  demo = null;
  await mail?.close().catch(() => {});
  mail = null;
  process.exit(failed ? 1 : code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));
// Never leave the API running without this script (e.g. after an uncaught error here).
process.on('exit', () => api?.kill('SIGTERM'));

main().catch((err) => {
  console.error(`[start] ${err instanceof Error ? err.message : err}`);
  failed = true;
  stop();
});

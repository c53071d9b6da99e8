#!/usr/bin/env node
// A throw-away PostgreSQL cluster for tests: initdb into a temp dir, pg_ctl start on a random free port
// (127.0.0.1 only, unix socket inside the temp dir, trust auth, durability off for speed), and stop +
// delete everything on stop(), on process exit and on SIGINT/SIGTERM/SIGHUP. Never touches the
// system PostgreSQL service. As root, initdb/pg_ctl run as the `postgres` user through runuser.
//
//   import { startCluster } from './pg-cluster.mjs';
//   const cluster = await startCluster(); // { url, dataDir, port, stop() }
//   ...; cluster.stop();
//
//   node scripts/pg-cluster.mjs   # prints the URL, keeps running until Ctrl-C
import { spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, parse, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PG_ROOT = '/usr/lib/postgresql';

export const PG_MISSING_MESSAGE =
  `PostgreSQL server binaries not found in ${PG_ROOT}/*/bin: run \`apt-get install -y postgresql\` ` +
  '(bash .ci/run does this) or set LOKET_TEST_DATABASE_URL to a database you can drop and create databases in';

/** The bin directory of the highest PostgreSQL version installed, or null. LOKET_PG_BIN overrides. */
export function findPgBin() {
  const candidates = process.env.LOKET_PG_BIN
    ? [process.env.LOKET_PG_BIN]
    : existsSync(PG_ROOT)
      ? readdirSync(PG_ROOT)
          .filter((v) => /^\d+(\.\d+)?$/.test(v))
          .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))
          .map((v) => join(PG_ROOT, v, 'bin'))
      : [];
  return (
    candidates.find((bin) => ['initdb', 'pg_ctl', 'pg_isready'].every((b) => existsSync(join(bin, b)))) ??
    null
  );
}

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** True when every ancestor of dir can be traversed by other users (so `postgres` can reach it). */
function traversableByOthers(dir) {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) return false;
    if (d === parse(d).root) return true;
  }
}

/** Start a throw-away cluster. Resolves to { url, port, dataDir, stop() }; stop() is sync and idempotent. */
export async function startCluster({ log = () => {} } = {}) {
  const bin = findPgBin();
  if (!bin) throw new Error(PG_MISSING_MESSAGE);

  const asRoot = process.getuid?.() === 0;
  let pgUser = null;
  if (asRoot) {
    const id = (flag) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
    if (id('-u').status !== 0)
      throw new Error('running as root, but there is no `postgres` user to run initdb as');
    pgUser = { uid: Number(id('-u').stdout), gid: Number(id('-g').stdout) };
  }

  const base = process.env.LOKET_PG_TMPDIR ?? (asRoot && !traversableByOthers(tmpdir()) ? '/tmp' : tmpdir());
  const tmp = mkdtempSync(join(base, 'loket-pg-'));
  const dataDir = join(tmp, 'data');
  const sockDir = join(tmp, 'sock');
  const logFile = join(tmp, 'postgres.log');

  // Run a PostgreSQL binary (as `postgres` when we are root); returns the spawnSync result.
  const pg = (cmd, args, opts = {}) => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]]
      : [join(bin, cmd), args];
    return spawnSync(file, argv, { cwd: tmp, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' }, ...opts });
  };
  const check = (what, r) => {
    if (r.error) throw new Error(`${what} failed: ${r.error.message}`);
    if (r.status !== 0)
      throw new Error(`${what} failed (exit ${r.status}):\n${r.stdout ?? ''}${r.stderr ?? ''}`);
  };

  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', stop);
    for (const sig of signals) process.removeListener(sig, onSignal);
    try {
      process.kill(-watchdog.pid); // its whole process group, `sleep` included
    } catch {}
    // Immediate shutdown: the data is thrown away anyway.
    if (existsSync(join(dataDir, 'postmaster.pid')))
      pg('pg_ctl', ['stop', '-D', dataDir, '-m', 'immediate', '-w', '-t', '30']);
    rmSync(tmp, { recursive: true, force: true });
    log(`[pg-cluster] stopped, removed ${tmp}`);
  };
  // Clean up on exit and on signals. After cleaning up on a signal, re-raise it unless the program has
  // its own handler for it (which then decides how to exit).
  function onSignal(sig) {
    stop();
    if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
  }
  process.on('exit', stop);
  for (const sig of signals) process.on(sig, onSignal);
  // And if this process dies without cleaning up (SIGKILL, OOM), a detached shell does it.
  const watchdog = spawn(
    'sh',
    [
      '-c',
      'while kill -0 "$W_PID" 2>/dev/null; do sleep 1; done; ' +
        '[ -f "$W_TMP/data/postmaster.pid" ] && $W_AS "$W_BIN/pg_ctl" stop -D "$W_TMP/data" -m immediate; ' +
        'rm -rf "$W_TMP"',
    ],
    {
      detached: true,
      stdio: 'ignore',
      env: {
        ...process.env,
        W_PID: `${process.pid}`,
        W_TMP: tmp,
        W_BIN: bin,
        W_AS: asRoot ? 'runuser -u postgres --' : '',
      },
    },
  );
  watchdog.unref();

  try {
    mkdirSync(sockDir, { mode: 0o700 });
    if (pgUser) for (const d of [tmp, sockDir]) chownSync(d, pgUser.uid, pgUser.gid);
    check(
      'initdb',
      pg('initdb', [
        '-D',
        dataDir,
        '-U',
        'postgres',
        '--auth=trust',
        '--no-sync',
        '--encoding=UTF8',
        // Same locale as PGlite, so both legs of the server suite sort and match text alike.
        '--locale=C.UTF-8',
      ]),
    );
    appendFileSync(
      join(dataDir, 'postgresql.conf'),
      [
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${sockDir}'`,
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        'max_connections = 300',
        "timezone = 'UTC'",
        '',
      ].join('\n'),
    );

    let port;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const r = pg('pg_ctl', ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', `-p ${port}`]);
      if (r.status === 0) break;
      if (attempt === 3) check('pg_ctl start', { ...r, stderr: `${r.stderr}\n${readLog(logFile)}` });
      log(`[pg-cluster] start on port ${port} failed, retrying on another port`);
    }

    for (let i = 0; ; i++) {
      const r = pg('pg_isready', [
        '-q',
        '-h',
        '127.0.0.1',
        '-p',
        `${port}`,
        '-U',
        'postgres',
        '-d',
        'postgres',
      ]);
      if (r.status === 0) break;
      if (i === 100) throw new Error(`PostgreSQL did not become ready on port ${port}:\n${readLog(logFile)}`);
      await sleep(100);
    }

    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    log(`[pg-cluster] PostgreSQL ${bin.split('/').at(-2)} ready at ${url} (data in ${tmp})`);
    return { url, port, dataDir, stop };
  } catch (err) {
    stop();
    throw err;
  }
}

function readLog(file) {
  const r = spawnSync('tail', ['-n', '30', file], { encoding: 'utf8' });
  return r.stdout ?? '';
}

// CLI: start, print the URL, stop on SIGINT/SIGTERM/SIGHUP.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const cluster = await startCluster({ log: (m) => console.error(m) });
    console.log(cluster.url);
    console.error('[pg-cluster] Ctrl-C to stop and delete it');
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
      process.on(sig, () => {
        cluster.stop();
        process.exit(0);
      });
    }
    setInterval(() => {}, 1 << 30); // keep alive
  } catch (err) {
    console.error(`[pg-cluster] ${err.message}`);
    process.exit(1);
  }
}

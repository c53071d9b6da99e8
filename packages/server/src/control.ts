import { chmod, mkdir, rm } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';

/**
 * A local control socket for the embedded database: `loket-server backup` asks the running
 * server for a backup here (only the server's process may read PGlite's files). A Unix socket in
 * the data directory (`run/loket.sock`, a directory PGlite's backups leave out, like the uploads),
 * which is this account's only (0700), so no other account can connect.
 * Protocol: the client sends `backup\n`; the server answers `OK <bytes>\n` and the bytes, or
 * `ERR <message>\n`.
 */
export const controlSocketPath = (dataDir: string) => join(resolve(dataDir), 'run', 'loket.sock');

/** Unix socket paths are limited to 107 bytes on Linux. */
const MAX_SOCKET_PATH = 107;

export async function listenForControl(
  dataDir: string,
  backup: () => Promise<Blob>,
  log: FastifyBaseLogger,
): Promise<() => Promise<void>> {
  const path = controlSocketPath(dataDir);
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH) {
    log.warn(
      { path },
      'data directory path too long for the control socket: backups need the server stopped',
    );
    return async () => {};
  }
  // The data directory's lock is held: a socket file left here belongs to a process that is gone.
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await rm(path, { force: true });
  const server = createServer((socket) => {
    socket.setEncoding('utf8');
    let line = '';
    socket.on('error', () => {});
    socket.on('data', (chunk: string) => {
      line += chunk;
      if (!line.includes('\n')) {
        if (line.length > 64) socket.destroy();
        return;
      }
      socket.removeAllListeners('data');
      if (line.trim() !== 'backup') {
        socket.end('ERR unknown command\n');
        return;
      }
      const started = Date.now();
      backup().then(
        async (blob) => {
          const bytes = Buffer.from(await blob.arrayBuffer());
          socket.write(`OK ${bytes.length}\n`);
          socket.end(bytes);
          log.info({ bytes: bytes.length, ms: Date.now() - started }, 'backup taken');
        },
        (error: unknown) => {
          log.error({ err: error }, 'backup failed');
          const { message, errno } = (error ?? {}) as { message?: string; errno?: number };
          socket.end(`ERR ${message ?? 'backup failed'}${errno === undefined ? '' : ` (errno ${errno})`}\n`);
        },
      );
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(path, () => done());
  });
  await chmod(path, 0o600);
  return () =>
    new Promise<void>((done) => {
      server.close(() => done());
    });
}

/**
 * A backup from the server running on `dataDir`, or null when none listens there (no socket,
 * or a socket nobody answers: a server that was killed).
 */
export function backupFromServer(dataDir: string): Promise<Buffer | null> {
  return new Promise((done, fail) => {
    const socket = connect(controlSocketPath(dataDir));
    const chunks: Buffer[] = [];
    let connected = false;
    socket.on('connect', () => {
      connected = true;
      socket.write('backup\n');
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (!connected && (error.code === 'ENOENT' || error.code === 'ECONNREFUSED')) done(null);
      else fail(error);
    });
    socket.on('end', () => {
      const all = Buffer.concat(chunks);
      const newline = all.indexOf(10);
      const head = all.subarray(0, newline).toString('utf8');
      const ok = /^OK (\d+)$/.exec(head);
      if (!ok) return fail(new Error(`the server refused the backup: ${head.replace(/^ERR /, '')}`));
      const body = all.subarray(newline + 1);
      if (body.length !== Number(ok[1])) return fail(new Error('the backup was cut off'));
      done(body);
    });
  });
}

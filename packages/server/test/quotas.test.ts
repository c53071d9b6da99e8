import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultLimits, type Limits } from '../src/limits.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { checkResponse } from './helpers/contract.js';
import { engine } from './helpers/db.js';

let servers: TestServer[] = [];
afterEach(async () => {
  for (const server of servers) await server.close();
  servers = [];
});

async function server(limits: Partial<Limits>) {
  const started = await startTestServer({ limits });
  servers.push(started);
  return started;
}

async function draft(s: TestServer) {
  const res = await fetch(`${s.url}/v1/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ service: 'ktp-el-hilang', region: '33.74' }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { code: string; secret: string };
}

/** A PDF (by its first bytes) of `size` bytes. */
const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(size - 9, 0x20)]);

async function upload(s: TestServer, app: { code: string; secret: string }, field: string, bytes: Buffer) {
  const form = new FormData();
  form.append('field', field);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'scan.pdf');
  const path = `/v1/applications/${app.code}/attachments`;
  const res = await fetch(s.url + path, {
    method: 'POST',
    headers: { 'loket-secret': app.secret },
    body: form,
  });
  const body = await res.json();
  expect(checkResponse('POST', path, res.status, res.headers.get('content-type'), body)).toEqual([]);
  return { status: res.status, body };
}

/** Every stored file under the uploads directory (partial ones included). */
async function stored(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

describe('storage quotas', () => {
  it('refuses uploads with 507 problem+json while free space is below the floor; stores nothing', async () => {
    expect(defaultLimits.minFreeBytes).toBe(1024 * 1024 * 1024);
    const full = await server({ minFreeBytes: 2 ** 50 }); // a pebibyte: more than this disk has
    const app = await draft(full);
    const res = await upload(full, app, 'kartu_keluarga', pdf(2000));
    expect(res.status).toBe(507);
    expect(res.body).toMatchObject({ type: 'urn:loket:problem:insufficient-storage', status: 507 });
    expect(await stored(full.uploadsDir)).toEqual([]);
    // The real floor (1 GiB) on this machine's disk takes the file.
    const roomy = await server({ minFreeBytes: defaultLimits.minFreeBytes });
    expect((await upload(roomy, await draft(roomy), 'kartu_keluarga', pdf(2000))).status).toBe(201);
  });

  it('bounds the bytes of one application: a file past what is left is refused, then any file', async () => {
    expect(defaultLimits.applicationBytes).toBe(50 * 1024 * 1024);
    const s = await server({ applicationBytes: 3000 });
    const full = await draft(s);
    expect((await upload(s, full, 'kartu_keluarga', pdf(3000))).status).toBe(201);
    const none = await upload(s, full, 'surat_keterangan_kehilangan', pdf(100));
    expect(none.status).toBe(413);
    expect(none.body).toMatchObject({ type: 'urn:loket:problem:attachments-full' });
    expect(none.body.detail).toMatch(/paling banyak 0 MB/);
    // Another application has its own room; a file larger than what is left of it is refused.
    const app = await draft(s);
    expect((await upload(s, app, 'kartu_keluarga', pdf(2000))).status).toBe(201);
    const tooBig = await upload(s, app, 'surat_keterangan_kehilangan', pdf(2000));
    expect(tooBig.status).toBe(413);
    expect(tooBig.body).toMatchObject({ type: 'urn:loket:problem:file-too-large' });
    expect((await upload(s, app, 'surat_keterangan_kehilangan', pdf(1000))).status).toBe(201);
  });
});

describe('partial uploads left by a crash', () => {
  it(`are removed at start (${engine === 'pglite' ? 'all of them: the uploads are this process’s alone' : 'those older than an hour: instances may share the uploads'})`, async () => {
    const first = await server({});
    const tmp = join(first.uploadsDir, 'tmp');
    await mkdir(tmp, { recursive: true });
    await writeFile(join(tmp, 'fresh.part'), 'cut off by kill -9');
    await writeFile(join(tmp, 'old.part'), 'cut off long ago');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await utimes(join(tmp, 'old.part'), twoHoursAgo, twoHoursAgo);
    // A restart on the same uploads.
    await first.app.close();
    const { buildApp } = await import('../src/app.js');
    const { loadNationalComplaintChannels } = await import('../src/complaints.js');
    const restarted = await buildApp({
      db: first.db,
      nationalComplaintChannels: await loadNationalComplaintChannels(),
      uploadsDir: first.uploadsDir,
    });
    await restarted.ready();
    await restarted.close();
    expect((await readdir(tmp)).sort()).toEqual(engine === 'pglite' ? [] : ['fresh.part']);
  });
});

import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { purgeDrafts } from '../src/applications/purge.js';
import { createStorage } from '../src/applications/storage.js';
import { run } from '../src/cli/purge-drafts.js';
import type { Db } from '../src/db/index.js';
import { startTestServer, type TestServer } from './helpers/app.js';

const now = new Date('2026-03-13T03:00:00Z');
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ now: () => now });
});
afterAll(() => server?.close());

async function create(): Promise<{ code: string; secret: string; etag: string }> {
  const response = await fetch(`${server.url}/v1/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ service: 'ktp-el-hilang', region: '33.74', answers: { nama_lengkap: 'Siti' } }),
  });
  expect(response.status).toBe(201);
  const body = (await response.json()) as { code: string; secret: string };
  return { ...body, etag: response.headers.get('etag') as string };
}

const bare = (code: string) => code.replace(/-/g, '').replace(/^LKT/, '');

/** Pretends the application was last touched `days` days before `now`. */
async function age(db: Db, code: string, days: number, from = now) {
  await db.query('update application set updated_at = $1::timestamptz where code = $2', [
    new Date(from.getTime() - days * 86_400_000).toISOString(),
    bare(code),
  ]);
}

async function storeFile(db: Db, code: string, field: string): Promise<string> {
  const storage = createStorage(server.uploadsDir);
  const stored = await storage.write(Readable.from([Buffer.from('%PDF-1.4 test')]), { maxBytes: 1000 });
  await db.query(
    `insert into attachment (id, application_id, field, filename, content_type, size, sha256, storage_key)
     values ($1, (select id from application where code = $2), $3, 'a.pdf', 'application/pdf', $4, $5, $6)`,
    [randomUUID(), bare(code), field, stored.size, stored.sha256, stored.key],
  );
  return stored.key;
}

const exists = async (key: string) => {
  try {
    await (await createStorage(server.uploadsDir).read(key)).destroy();
    return true;
  } catch {
    return false;
  }
};

const codes = async (db: Db) =>
  new Set((await db.query<{ code: string }>('select code from application')).map((r) => r.code));

describe('purgeDrafts', () => {
  it('also deletes old drafts withdrawn before they were ever submitted, never withdrawn submissions', async () => {
    const withdrawnDraft = await create();
    await server.db.query(`update application set status = 'withdrawn' where code = $1`, [
      bare(withdrawnDraft.code),
    ]);
    await age(server.db, withdrawnDraft.code, 31);
    const withdrawnSubmission = await create();
    await server.db.query(`update application set status = 'withdrawn', submitted_at = $2 where code = $1`, [
      bare(withdrawnSubmission.code),
      now.toISOString(),
    ]);
    await age(server.db, withdrawnSubmission.code, 400);
    await purgeDrafts(server.db, 30, now);
    const left = await codes(server.db);
    expect(left.has(bare(withdrawnDraft.code))).toBe(false);
    expect(left.has(bare(withdrawnSubmission.code))).toBe(true);
  });

  it('deletes old drafts with their files, keeps recent drafts and anything submitted', async () => {
    const old = await create();
    const oldFile = await storeFile(server.db, old.code, 'kartu_keluarga');
    await age(server.db, old.code, 31);
    const recent = await create();
    const recentFile = await storeFile(server.db, recent.code, 'kartu_keluarga');
    await age(server.db, recent.code, 29);
    // Old, but submitted: never purged.
    const submitted = await create();
    await server.db.query(`update application set status = 'submitted' where code = $1`, [
      bare(submitted.code),
    ]);
    await age(server.db, submitted.code, 400);
    // Old idempotency keys go, recent ones stay.
    await server.db.query(
      `insert into idempotency_key (application_id, key, fingerprint, status, response, created_at)
       select id, k.key, $2, 200, '{}'::jsonb, k.at::timestamptz
       from application, (values ('old-key-123', $3), ('new-key-123', $4)) as k(key, at) where code = $1`,
      [
        bare(submitted.code),
        createHash('sha256').update('x').digest('hex'),
        new Date(now.getTime() - 25 * 3_600_000).toISOString(),
        new Date(now.getTime() - 23 * 3_600_000).toISOString(),
      ],
    );

    const report = await purgeDrafts(server.db, 30, now, createStorage(server.uploadsDir));
    expect(report).toEqual({ drafts: 1, files: 1, failedFiles: [], idempotencyKeys: 1 });
    const left = await codes(server.db);
    expect(left.has(bare(old.code))).toBe(false);
    expect(left.has(bare(recent.code))).toBe(true);
    expect(left.has(bare(submitted.code))).toBe(true);
    expect(await exists(oldFile)).toBe(false);
    expect(await exists(recentFile)).toBe(true);
    const keys = await server.db.query<{ key: string }>('select key from idempotency_key order by key');
    expect(keys.map((k) => k.key)).toEqual(['new-key-123']);
    // Its history and attachment rows went with it.
    const orphans = await server.db.query(
      `select 1 from application_event where application_id not in (select id from application)
       union all select 1 from attachment where application_id not in (select id from application)`,
    );
    expect(orphans).toEqual([]);
    // The resume link of a purged draft is a plain 404.
    const gone = await fetch(`${server.url}/v1/applications/${old.code}`, {
      headers: { 'loket-secret': old.secret },
    });
    expect(gone.status).toBe(404);

    // Nothing more to do the second time.
    expect(await purgeDrafts(server.db, 30, now)).toEqual({
      drafts: 0,
      files: 0,
      failedFiles: [],
      idempotencyKeys: 0,
    });
  });

  it('the CLI takes --older-than-days, defaults to the configured retention, and refuses nonsense', async () => {
    // The command runs on the real clock.
    const draft = await create();
    await age(server.db, draft.code, 10, new Date());
    const logs: string[] = [];
    const errors: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((m: string) => logs.push(m));
    const error = vi.spyOn(console, 'error').mockImplementation((m: string) => errors.push(m));
    const tools = {
      withDb: <T>(fn: (db: Db) => Promise<T>) => fn(server.db),
      loadConfig: () => ({ draftRetentionDays: 30, dataDir: server.uploadsDir }) as never,
    };
    try {
      expect(await run([], tools as never)).toBe(0);
      expect(logs.at(-1)).toMatch(/^deleted \d+ draft\(s\) untouched for more than 30 day\(s\)/);
      expect((await codes(server.db)).has(bare(draft.code))).toBe(true);
      expect(await run(['--older-than-days', '7'], tools as never)).toBe(0);
      expect(logs.at(-1)).toMatch(/^deleted [1-9]\d* draft\(s\) untouched for more than 7 day\(s\)/);
      expect((await codes(server.db)).has(bare(draft.code))).toBe(false);
      for (const bad of [
        ['--older-than-days', '-1'],
        ['--older-than-days', 'abc'],
        ['--older-than-days', '0'],
        ['--what'],
      ]) {
        expect(await run(bad, tools as never)).toBe(1);
      }
      expect(errors.join('\n')).toMatch(/--older-than-days must be a whole number/);
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  });
});

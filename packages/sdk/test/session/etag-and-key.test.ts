import { afterEach, describe, expect, it } from 'vitest';
import { createLoketCore } from '../../src/index.js';
import {
  type ApplicationSession,
  createApplicationSession,
  emptyRecord,
  memoryStorage,
  recordKey,
} from '../../src/session/index.js';
import { fakeFetch, json, noDelay, problem } from '../fake-fetch.js';

// The ETag and the idempotency key the session keeps for its application, against a fake server
// (the real one is in session.test.ts and session-submit.test.ts). These were the assertions of
// the SDK's former `ApplicationHandle`, which kept the same two things a second time.

const code = 'LKT-7K4M-Q2XP-9ZTR';
const secret = 's3cr3t-xyz';
const service = 'ktp-el-hilang';
const region = '35.78';
const application = { code, status: 'draft', service: { id: service }, region, answers: {}, attachments: [] };
const attachment = { id: '0b7e1c2a-4f55-4c1e-9d8a-2f0e6b7c8d9e', field: 'surat_kehilangan' };
const submitted = { code, status: 'submitted' };

/**
 * A fake server that bumps the application's version on every write, like the real one, and
 * answers a submit with `submitAnswer`.
 */
function server(submitAnswer: (call: number) => Response | Promise<Response> = () => json(submitted)) {
  let version = 1;
  let submits = 0;
  const etag = () => `"app-1-v${version}"`;
  return fakeFetch((request) => {
    const path = new URL(request.url).pathname;
    if (path.endsWith('/submit')) return submitAnswer(++submits);
    if (request.method === 'GET') return json(application, { headers: { etag: etag() } });
    if (request.method === 'PATCH' && request.headers.get('if-match') !== etag()) {
      return problem({ type: 'urn:loket:problem:precondition-failed', title: 'Sudah berubah', status: 412 });
    }
    version += 1;
    if (request.method === 'DELETE') return new Response(null, { status: 204, headers: { etag: etag() } });
    const body = path.endsWith('/attachments') ? attachment : application;
    return json(body, { status: path.endsWith('/attachments') ? 201 : 200, headers: { etag: etag() } });
  });
}

const sessions: ApplicationSession[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.dispose();
});

/** A device holding this application (`record` is what it stored earlier), and the fake server. */
const setup = (submitAnswer?: Parameters<typeof server>[0]) => {
  const fake = server(submitAnswer);
  const core = createLoketCore({ baseUrl: 'http://api.test', fetch: fake.fetch, retry: noDelay(0) });
  const open = (record: Partial<ReturnType<typeof emptyRecord>> = {}) => {
    const storage = memoryStorage();
    storage.setItem(recordKey(service, region), JSON.stringify({ ...emptyRecord(), ...record }));
    const session = createApplicationSession({ core, service, region, storage, events: new EventTarget() });
    sessions.push(session);
    const stored = () => JSON.parse(storage.getItem(recordKey(service, region)) ?? 'null');
    return { session, stored };
  };
  const ifMatch = () => fake.requests.map((request) => request.headers.get('if-match')).filter(Boolean);
  const keys = () =>
    fake.requests.filter((r) => r.url.endsWith('/submit')).map((r) => r.headers.get('idempotency-key'));
  return { open, ifMatch, keys, ...fake };
};

describe('the session’s ETag and idempotency key', () => {
  it('saves with the last ETag it saw, uploads included', async () => {
    const { open, requests, ifMatch } = setup();
    const { session, stored } = open();
    await session.start({ code, secret });
    session.setAnswer('nama_lengkap', 'Siti Aminah');
    await session.flush();
    await session.upload('surat_kehilangan', new File(['%PDF-1.4'], 'surat.pdf'));
    session.setAnswer('telepon', '081234567890'); // would be a 412 with the ETag from before the upload
    await session.flush();
    await session.removeAttachment('surat_kehilangan', attachment.id);
    session.setAnswer('telepon', '081234567891');
    await session.flush();

    expect(session.snapshot.sync).toBe('saved');
    expect(stored().etag).toBe('"app-1-v6"');
    expect(ifMatch()).toEqual(['"app-1-v1"', '"app-1-v3"', '"app-1-v5"']);
    expect(requests.every((request) => request.headers.get('loket-secret') === secret)).toBe(true);
  });

  it('starts from the ETag this device stored, and never saves without one', async () => {
    const resumed = setup();
    const withEtag = resumed.open({ key: { code, secret }, etag: '"app-1-v1"', status: 'draft' });
    withEtag.session.setAnswer('a', 'b');
    await withEtag.session.flush();
    expect(resumed.requests.map((r) => r.method)).toEqual(['PATCH']);
    expect(resumed.ifMatch()).toEqual(['"app-1-v1"']);
    expect(withEtag.session.snapshot.sync).toBe('saved');

    // Without an ETag it reads the server copy first, instead of overwriting answers it never saw.
    const fresh = setup();
    const without = fresh.open({ key: { code, secret }, status: 'draft' });
    without.session.setAnswer('a', 'b');
    await without.session.flush();
    expect(fresh.requests.map((r) => r.method)).toEqual(['GET', 'PATCH']);
    expect(fresh.ifMatch()).toEqual(['"app-1-v1"']);
  });

  it('meets a 412 when another device saved in between, reads the server copy and saves again', async () => {
    const { open, requests, ifMatch } = setup();
    const phone = open().session;
    const laptop = open().session;
    await phone.start({ code, secret });
    await laptop.start({ code, secret });
    laptop.setAnswer('telepon', '0811');
    await laptop.flush();
    phone.setAnswer('telepon', '0812');
    await phone.flush();
    // The laptop's save, the phone's refused one (412), then the phone's again on the new copy.
    expect(ifMatch()).toEqual(['"app-1-v1"', '"app-1-v1"', '"app-1-v2"']);
    expect(requests.slice(-3).map((r) => r.method)).toEqual(['PATCH', 'GET', 'PATCH']);
    expect(phone.snapshot).toMatchObject({ sync: 'saved', problem: null });
  });

  it('reuses the key of a submission whose outcome is unknown, and keeps it on this device', async () => {
    const { open, keys } = setup((call) =>
      call === 1 ? Promise.reject(new TypeError('fetch failed')) : json(submitted),
    );
    const { session, stored } = open();
    await session.start({ code, secret });
    await session.submit();
    expect(session.snapshot).toMatchObject({ submit: 'waiting', online: false });
    const pending = stored().submission;
    expect(pending).toEqual(expect.any(String));

    await session.submit();
    expect(session.snapshot.submit).toBe('done');
    expect(keys()).toEqual([pending, pending]);
    expect(stored().submission).toBeNull();
  });

  it('resumes a pending key after a reload, and starts a new submission after a 422', async () => {
    const invalid = () =>
      problem({ type: 'urn:loket:problem:invalid-answers', title: 'Jawaban belum lengkap', status: 422 });
    const { open, keys } = setup((call) => (call === 1 ? invalid() : json(submitted)));
    const reloaded = open({ key: { code, secret }, status: 'draft', submission: 'key-from-local-storage' });
    await reloaded.session.start(); // which sends the pending submission again
    await expect.poll(() => reloaded.session.snapshot.submit).toBe('refused');
    expect(reloaded.session.snapshot).toMatchObject({ submit: 'refused', problem: { status: 422 } });
    expect(reloaded.stored().submission).toBeNull(); // a definitive answer: the next one is new
    await reloaded.session.submit();
    const [first, second] = keys();
    expect(first).toBe('key-from-local-storage');
    expect(second).not.toBe(first);
  });

  it('forgets the ETag after submit (the application changed: read it again)', async () => {
    const { open } = setup();
    const { session, stored } = open();
    await session.start({ code, secret });
    expect(stored().etag).toBe('"app-1-v1"');
    await session.submit();
    expect(stored().etag).toBeNull();
  });
});

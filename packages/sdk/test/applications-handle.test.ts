import { describe, expect, it } from 'vitest';
import { createLoketClient } from '../src/index.js';
import { fakeFetch, json, noDelay, problem } from './fake-fetch.js';

const code = 'LKT-7K4M-Q2XP-9ZTR';
const secret = 's3cr3t-xyz';
const application = { code, status: 'draft', answers: {} };
const attachment = { id: '0b7e1c2a-4f55-4c1e-9d8a-2f0e6b7c8d9e', field: 'surat_kehilangan' };
const submitted = { code, status: 'submitted' };

/**
 * A fake server that bumps the application's version on every write, like the real one, and
 * answers a submit with `submitAnswer` (a network error by default for the first one).
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

const setup = (submitAnswer?: Parameters<typeof server>[0]) => {
  const fake = server(submitAnswer);
  const client = createLoketClient({ baseUrl: 'http://api.test', fetch: fake.fetch, retry: noDelay(0) });
  return { client, ...fake };
};

describe('client.application(code, secret)', () => {
  it('binds the code and secret, and saves with the last ETag it saw, uploads included', async () => {
    const { client, requests } = setup();
    const draft = client.application(code, secret);
    expect(draft.etag).toBeUndefined();
    await draft.get();
    await draft.save({ nama_lengkap: 'Siti Aminah' });
    await draft.upload('surat_kehilangan', new Blob(['%PDF-1.4']));
    await draft.save({ telepon: '081234567890' }); // would be a 412 with the ETag from before the upload
    await draft.deleteAttachment(attachment.id);
    await draft.save({ telepon: '081234567891' });

    expect(draft.etag).toBe('"app-1-v6"');
    expect(requests.map((request) => request.headers.get('if-match')).filter(Boolean)).toEqual([
      '"app-1-v1"',
      '"app-1-v3"',
      '"app-1-v5"',
    ]);
    expect(requests.every((request) => request.headers.get('loket-secret') === secret)).toBe(true);
  });

  it('starts from a given ETag, and refuses to save before it has one', async () => {
    const { client, requests } = setup();
    await expect(client.application(code, secret).save({ a: 'b' })).rejects.toThrow(TypeError);
    expect(requests).toHaveLength(0);
    const resumed = client.application(code, secret, { etag: '"app-1-v1"' });
    await expect(resumed.save({ a: 'b' })).resolves.toEqual(application);
  });

  it('surfaces a 412 when another device saved in between', async () => {
    const { client } = setup();
    const phone = client.application(code, secret);
    const laptop = client.application(code, secret);
    await phone.get();
    await laptop.get();
    await laptop.save({ telepon: '0811' });
    await expect(phone.save({ telepon: '0812' })).rejects.toMatchObject({ status: 412 });
    await phone.get(); // re-fetch, merge, save again
    await expect(phone.save({ telepon: '0812' })).resolves.toEqual(application);
  });

  it('reuses the key of a submission whose outcome is unknown, and exposes it', async () => {
    const { client, requests } = setup((call) =>
      call === 1 ? Promise.reject(new TypeError('fetch failed')) : json(submitted),
    );
    const draft = client.application(code, secret);
    const failure = await draft.submit({ declaration: true }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ status: 0, retryable: true });
    const pending = draft.idempotencyKey;
    expect(pending).toEqual(expect.any(String));

    const result = await draft.submit({ declaration: true });
    expect(result.idempotencyKey).toBe(pending);
    expect(requests.map((request) => request.headers.get('idempotency-key'))).toEqual([pending, pending]);
    expect(draft.idempotencyKey).toBeUndefined();
  });

  it('resumes a pending key after a reload, and starts a new submission after a 422', async () => {
    const invalid = () =>
      problem({ type: 'urn:loket:problem:invalid-answers', title: 'Jawaban belum lengkap', status: 422 });
    const { client, requests } = setup((call) => (call === 1 ? invalid() : json(submitted)));
    const reloaded = client.application(code, secret, { idempotencyKey: 'key-from-session-storage' });
    await expect(reloaded.submit({ declaration: true })).rejects.toMatchObject({ status: 422 });
    expect(reloaded.idempotencyKey).toBeUndefined(); // a definitive answer: the next one is new
    await reloaded.submit({ declaration: true });
    const [first, second] = requests.map((request) => request.headers.get('idempotency-key'));
    expect(first).toBe('key-from-session-storage');
    expect(second).not.toBe(first);
  });

  it('forgets the ETag after submit (the application changed: get it again)', async () => {
    const { client } = setup();
    const draft = client.application(code, secret);
    await draft.get();
    await draft.submit({ declaration: true });
    expect(draft.etag).toBeUndefined();
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLoketClient, type LoketApiError, type UploadProgress } from '../src/index.js';
import { fakeFetch, hang, json, noDelay, problem } from './fake-fetch.js';

const code = 'LKT-7K4M-Q2XP-9ZTR';
const secret = 's3cr3t-xyz';
const pdf = new Blob(['%PDF-1.4\n%%EOF\n'], { type: 'application/pdf' });
const attachment = {
  id: '0b7e1c2a-4f55-4c1e-9d8a-2f0e6b7c8d9e',
  field: 'surat_kehilangan',
  filename: 'surat.pdf',
  content_type: 'application/pdf',
  size: 15,
  sha256: 'a'.repeat(64),
  created_at: '2026-11-23T09:00:00Z',
};
const created = () => json(attachment, { status: 201, headers: { etag: '"app-1-v4"' } });

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('the call should have failed'),
    (error: unknown) => error as LoketApiError,
  );

/** The fake fetch, also keeping each request's raw body (ky cancels a body once a call is over). */
const setup = (respond: Parameters<typeof fakeFetch>[0] = created) => {
  const bodies: string[] = [];
  const fake = fakeFetch(async (request, call) => {
    bodies.push(await request.clone().text());
    return respond(request, call);
  });
  const client = createLoketClient({ baseUrl: 'http://api.test', fetch: fake.fetch, retry: noDelay() });
  return { client, bodies, ...fake };
};

describe('uploadAttachment through fetch (Node, or no onProgress)', () => {
  it('posts multipart/form-data with the text part field FIRST, then file', async () => {
    const { client, requests, bodies } = setup();
    const file = new File([pdf], 'surat.pdf', { type: 'application/pdf' });
    const result = await client.uploadAttachment(code, secret, 'surat_kehilangan', file);

    expect(result).toEqual({ attachment, etag: '"app-1-v4"' });
    const request = requests[0];
    expect(request?.method).toBe('POST');
    expect(new URL(request?.url ?? '').pathname).toBe(`/v1/applications/${code}/attachments`);
    expect(request?.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    expect(request?.headers.get('loket-secret')).toBe(secret);

    const body = bodies[0] ?? '';
    const field = body.indexOf('name="field"');
    const filePart = body.indexOf('name="file"; filename="surat.pdf"');
    expect(field).toBeGreaterThan(-1);
    expect(filePart).toBeGreaterThan(field);
    expect(body).toContain('surat_kehilangan');
    expect(body).toContain('Content-Type: application/pdf');
  });

  it('names a Blob "upload", or by the filename option', async () => {
    const { client, bodies } = setup();
    await client.uploadAttachment(code, secret, 'foto', pdf);
    await client.uploadAttachment(code, secret, 'foto', pdf, { filename: 'ktp-lama.pdf' });
    expect(bodies[0]).toContain('filename="upload"');
    expect(bodies[1]).toContain('filename="ktp-lama.pdf"');
  });

  it('still uploads without progress when there is no XMLHttpRequest', async () => {
    const { client, requests } = setup();
    const seen: UploadProgress[] = [];
    await client.uploadAttachment(code, secret, 'surat_kehilangan', pdf, { onProgress: (p) => seen.push(p) });
    expect(requests).toHaveLength(1);
    expect(seen).toEqual([]);
  });

  it.each([
    [413, 'urn:loket:problem:file-too-large', 'Berkas terlalu besar'],
    [422, 'urn:loket:problem:file-type-not-allowed', 'Jenis berkas tidak diterima'],
  ])('maps a %i problem to a LoketApiError, without retrying', async (status, type, title) => {
    const errors = [{ pointer: '/file', detail: title }];
    const { client, requests } = setup(() => problem({ type, title, status, errors }));
    const error = await rejection(client.uploadAttachment(code, secret, 'surat_kehilangan', pdf));
    expect(error).toMatchObject({ name: 'LoketApiError', status, type, title, errors, retryable: false });
    expect(requests).toHaveLength(1);
  });

  it('is never retried, not even on 503 (a repeat would store the file twice)', async () => {
    const { client, requests } = setup(() => json({}, { status: 503 }));
    await expect(client.uploadAttachment(code, secret, 'surat_kehilangan', pdf)).rejects.toMatchObject({
      status: 503,
    });
    expect(requests).toHaveLength(1);
  });

  it("ignores the client's timeout (meant for small requests) unless given one", async () => {
    const slow = fakeFetch(async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 40));
      return request.signal.aborted ? hang(request) : created();
    });
    const client = createLoketClient({ baseUrl: 'http://api.test', fetch: slow.fetch, timeout: 10 });
    await expect(client.uploadAttachment(code, secret, 'f', pdf)).resolves.toMatchObject({ attachment });
    await expect(client.uploadAttachment(code, secret, 'f', pdf, { timeout: 10 })).rejects.toMatchObject({
      type: 'urn:loket:problem:timeout',
    });
  });

  it('aborts with the AbortError', async () => {
    const { client, requests } = setup(hang);
    const controller = new AbortController();
    const pending = rejection(
      client.uploadAttachment(code, secret, 'surat_kehilangan', pdf, { signal: controller.signal }),
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    expect(await pending).toMatchObject({ name: 'AbortError' });
    expect(requests[0]?.signal.aborted).toBe(true);
  });
});

/** A stand-in for the browser's XMLHttpRequest: records what is sent, answers as the test says. */
class FakeXHR {
  static instances: FakeXHR[] = [];
  /** What the "server" does once the request is sent. */
  static script: (xhr: FakeXHR) => void = () => {};

  method = '';
  url = '';
  requestHeaders: Record<string, string> = {};
  body: unknown;
  aborted = false;
  status = 0;
  statusText = '';
  responseText = '';
  responseHeaders = '';
  upload: { onprogress: ((event: Partial<ProgressEvent>) => void) | null; onload: (() => void) | null } = {
    onprogress: null,
    onload: null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  constructor() {
    FakeXHR.instances.push(this);
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.requestHeaders[name] = value;
  }
  send(body: unknown) {
    this.body = body;
    setTimeout(() => FakeXHR.script(this), 0);
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  getAllResponseHeaders() {
    return this.responseHeaders;
  }

  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ loaded, total, lengthComputable: true });
  }
  respond(status: number, body: unknown, headers: Record<string, string>) {
    this.upload.onload?.();
    this.status = status;
    this.statusText = status === 201 ? 'Created' : '';
    this.responseText = JSON.stringify(body);
    this.responseHeaders = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    this.onload?.();
  }
}

describe('uploadAttachment through XMLHttpRequest (browsers, with onProgress)', () => {
  beforeEach(() => {
    FakeXHR.instances = [];
    Object.assign(globalThis, { XMLHttpRequest: FakeXHR });
  });
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'XMLHttpRequest');
  });

  it('reports progress, sends the same request, and resolves like the fetch path', async () => {
    FakeXHR.script = (xhr) => {
      xhr.progress(100, 400);
      xhr.progress(400, 400);
      xhr.respond(201, attachment, { 'content-type': 'application/json', etag: '"app-1-v4"' });
    };
    const { client, requests } = setup();
    const seen: UploadProgress[] = [];
    const file = new File([pdf], 'surat.pdf', { type: 'application/pdf' });
    const result = await client.uploadAttachment(code, secret, 'surat_kehilangan', file, {
      onProgress: (progress) => seen.push(progress),
    });

    expect(result).toEqual({ attachment, etag: '"app-1-v4"' });
    expect(requests).toHaveLength(0); // the injected fetch is not used
    expect(seen.map((progress) => progress.percent)).toEqual([0.25, 1, 1]);
    expect(seen[0]).toEqual({ percent: 0.25, transferredBytes: 100, totalBytes: 400 });

    const [xhr] = FakeXHR.instances;
    expect(xhr?.method).toBe('POST');
    expect(xhr?.url).toBe(`http://api.test/v1/applications/${code}/attachments`);
    expect(xhr?.requestHeaders['loket-secret']).toBe(secret);
    expect(xhr?.requestHeaders.accept).toBe('application/json, application/problem+json');
    expect(xhr?.requestHeaders).not.toHaveProperty('content-type'); // XHR sets it with its boundary
    const form = xhr?.body as FormData;
    expect([...form.keys()]).toEqual(['field', 'file']);
    expect(form.get('field')).toBe('surat_kehilangan');
    expect((form.get('file') as File).name).toBe('surat.pdf');
  });

  it('maps a 422 problem with the same parsing as every other request', async () => {
    const body = {
      type: 'urn:loket:problem:file-type-not-allowed',
      title: 'Jenis berkas tidak diterima',
      status: 422,
      detail: 'Isi berkas bukan PDF, JPEG atau PNG.',
      errors: [{ pointer: '/file', detail: 'Isi berkas bukan PDF, JPEG atau PNG.' }],
    };
    FakeXHR.script = (xhr) => xhr.respond(422, body, { 'content-type': 'application/problem+json' });
    const { client } = setup();
    const error = await rejection(
      client.uploadAttachment(code, secret, 'surat_kehilangan', pdf, { onProgress: () => {} }),
    );
    expect(error).toMatchObject({ name: 'LoketApiError', ...body, retryable: false });
    expect(error.response?.status).toBe(422);
  });

  it('maps a 413 that is not problem+json (a proxy) to about:blank', async () => {
    FakeXHR.script = (xhr) => xhr.respond(413, '<h1>Too large</h1>', { 'content-type': 'text/html' });
    const { client } = setup();
    const error = await rejection(client.uploadAttachment(code, secret, 'f', pdf, { onProgress: () => {} }));
    expect(error).toMatchObject({ status: 413, type: 'about:blank' });
  });

  it('turns a failed connection into a retryable network error', async () => {
    FakeXHR.script = (xhr) => xhr.onerror?.();
    const { client } = setup();
    const error = await rejection(client.uploadAttachment(code, secret, 'f', pdf, { onProgress: () => {} }));
    expect(error).toMatchObject({ status: 0, type: 'urn:loket:problem:network', retryable: true });
  });

  it('aborts the XMLHttpRequest and rejects with the AbortError', async () => {
    const controller = new AbortController();
    FakeXHR.script = (xhr) => {
      xhr.progress(10, 400);
      controller.abort();
    };
    const { client } = setup();
    const seen: number[] = [];
    const error = await rejection(
      client.uploadAttachment(code, secret, 'f', pdf, {
        onProgress: (progress) => seen.push(progress.percent),
        signal: controller.signal,
      }),
    );
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(FakeXHR.instances[0]?.aborted).toBe(true);
    expect(seen).toEqual([0.025]);
  });

  it('never opens a request when the signal is already aborted', async () => {
    const { client } = setup();
    const error = await rejection(
      client.uploadAttachment(code, secret, 'f', pdf, { onProgress: () => {}, signal: AbortSignal.abort() }),
    );
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(FakeXHR.instances.every((xhr) => xhr.body === undefined)).toBe(true);
  });

  it('times out when given a timeout', async () => {
    FakeXHR.script = () => {}; // never answers
    const { client } = setup();
    const error = await rejection(
      client.uploadAttachment(code, secret, 'f', pdf, { onProgress: () => {}, timeout: 10 }),
    );
    expect(error).toMatchObject({ status: 0, type: 'urn:loket:problem:timeout' });
    expect(FakeXHR.instances[0]?.aborted).toBe(true);
  });
});

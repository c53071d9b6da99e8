import { describe, expect, it } from 'vitest';
import { filenameFrom } from '../src/content-disposition.js';
import {
  createLoketOfficerClient,
  type LoketApiError,
  type LoketOfficerClient,
  type LoketOfficerClientOptions,
  type TransitionRequest,
} from '../src/index.js';
import { fakeFetch, json, noDelay, problem } from './fake-fetch.js';

const token = 'lkt_officer_0123456789abcdef';
const code = 'LKT-7K4M-Q2XP-9ZTR';
const attachmentId = '0b7e1c2a-4f55-4c1e-9d8a-2f0e6b7c8d9e';
const officerApplication = { code, status: 'in_review', history: [] };

const setup = (
  respond?: Parameters<typeof fakeFetch>[0],
  options: Partial<LoketOfficerClientOptions> = {},
) => {
  const bodies: unknown[] = [];
  const fake = fakeFetch(async (request, call) => {
    const text = await request.clone().text();
    bodies.push(text ? JSON.parse(text) : undefined);
    return respond ? respond(request, call) : json(officerApplication);
  });
  const client = createLoketOfficerClient({
    baseUrl: 'http://api.test/api',
    token,
    fetch: fake.fetch,
    ...options,
  });
  return { client, bodies, ...fake };
};

const calls: [string, (client: LoketOfficerClient) => Promise<unknown>, string, string][] = [
  ['listApplications', (c) => c.listApplications(), 'GET', '/api/v1/officer/applications'],
  ['getApplication', (c) => c.getApplication(code), 'GET', `/api/v1/officer/applications/${code}`],
  ['listDeliveries', (c) => c.listDeliveries(code), 'GET', `/api/v1/officer/applications/${code}/deliveries`],
  ['getWorkload', (c) => c.getWorkload(), 'GET', '/api/v1/officer/workload'],
  [
    'downloadAttachment',
    (c) => c.downloadAttachment(code, attachmentId),
    'GET',
    `/api/v1/officer/applications/${code}/attachments/${attachmentId}`,
  ],
  [
    'transition',
    (c) => c.transition(code, { to: 'in_review' }),
    'POST',
    `/api/v1/officer/applications/${code}/transitions`,
  ],
];

describe('createLoketOfficerClient', () => {
  it.each(calls)('%s sends the bearer token and never a Loket-Secret', async (_, call, method, path) => {
    const { client, requests } = setup();
    await call(client);
    const request = requests[0];
    expect(request?.method).toBe(method);
    expect(new URL(request?.url ?? '').pathname).toBe(path);
    expect(request?.headers.get('authorization')).toBe(`Bearer ${token}`);
    expect(request?.headers.has('loket-secret')).toBe(false);
  });

  it('refuses to start without a token (an unset environment variable, say)', () => {
    const options = { baseUrl: 'http://api.test' } as LoketOfficerClientOptions;
    expect(() => createLoketOfficerClient(options)).toThrow(TypeError);
    expect(() => createLoketOfficerClient({ ...options, token: ' ' })).toThrow(TypeError);
  });

  it('keeps the locale and the extra headers next to the token', async () => {
    const { client, requests } = setup(undefined, { locale: 'en', headers: { 'x-agency-system': 'simpel' } });
    await client.getApplication(code);
    expect(requests[0]?.headers.get('accept-language')).toBe('en');
    expect(requests[0]?.headers.get('x-agency-system')).toBe('simpel');
    expect(requests[0]?.headers.get('authorization')).toBe(`Bearer ${token}`);
  });
});

describe('officer operations', () => {
  it('listApplications serializes the filters, booleans included', async () => {
    const list = { lang: 'id', data: [], total: 0, page: { limit: 50, next_cursor: null } };
    const { client, urls } = setup(() => json(list));
    await expect(
      client.listApplications({ status: 'submitted', overdue: true, service: 'ktp-el-hilang', limit: 50 }),
    ).resolves.toEqual(list);
    expect(Object.fromEntries(urls()[0]?.searchParams ?? [])).toEqual({
      status: 'submitted',
      overdue: 'true',
      service: 'ktp-el-hilang',
      limit: '50',
    });
  });

  it('paginate.applications follows next_cursor and keeps the filters', async () => {
    const pages: Record<string, { codes: string[]; next: string | null }> = {
      first: { codes: ['A', 'B'], next: 'c2' },
      c2: { codes: ['C'], next: null },
    };
    const { client, urls } = setup((request) => {
      const page = pages[new URL(request.url).searchParams.get('cursor') ?? 'first'];
      return json({
        lang: 'id',
        data: page?.codes.map((c) => ({ code: c })),
        total: 3,
        page: { limit: 2, next_cursor: page?.next },
      });
    });
    const seen: string[] = [];
    for await (const application of client.paginate.applications({ overdue: false, limit: 2 })) {
      seen.push(application.code);
    }
    expect(seen).toEqual(['A', 'B', 'C']);
    expect(urls().map((url) => url.search)).toEqual([
      '?overdue=false&limit=2',
      '?overdue=false&limit=2&cursor=c2',
    ]);
  });

  it('openApplication returns the ETag with the application; transition sends it as If-Match', async () => {
    const etag = '"v3-0a1b2c3d"';
    const { client, requests } = setup(() => json(officerApplication, { headers: { etag } }));
    const opened = await client.openApplication(code);
    expect(opened).toEqual({ application: officerApplication, etag });
    await client.transition(code, { to: 'completed' }, { ifMatch: opened.etag });
    expect(requests[1]?.headers.get('if-match')).toBe(etag);
    await client.transition(code, { to: 'completed' });
    expect(requests[2]?.headers.has('if-match')).toBe(false);
  });

  it('downloadAttachment returns the bytes, the type and the filename, asking for any type', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
    const { client, requests } = setup(
      () =>
        new Response(bytes, {
          headers: {
            'content-type': 'application/pdf',
            'content-disposition': `attachment; filename="surat.pdf"; filename*=UTF-8''surat%20kehilangan%20%E2%9C%93.pdf`,
          },
        }),
    );
    const file = await client.downloadAttachment(code, attachmentId);
    expect(file.contentType).toBe('application/pdf');
    expect(file.filename).toBe('surat kehilangan ✓.pdf');
    expect(new Uint8Array(await file.blob.arrayBuffer())).toEqual(bytes);
    expect(requests[0]?.headers.get('accept')).toBe('*/*');
  });

  it('transition posts the request and returns the application; a 409 is not retried', async () => {
    const { client, bodies } = setup();
    const request: TransitionRequest = {
      to: 'needs_revision',
      public_note: 'Foto buram.',
      fields: ['surat_kehilangan'],
    };
    await expect(client.transition(code, request)).resolves.toEqual(officerApplication);
    expect(bodies[0]).toEqual(request);

    const conflict = setup(() =>
      problem({ type: 'urn:loket:problem:invalid-transition', title: 'Tidak dapat', status: 409 }),
    );
    const error = (await conflict.client
      .transition(code, { to: 'completed' })
      .catch((e: unknown) => e)) as LoketApiError;
    expect(error).toMatchObject({ name: 'LoketApiError', status: 409, retryable: false });
    expect(conflict.requests).toHaveLength(1);
  });

  it('retries reads on 503 but never a transition (a repeat after a lost answer would be a 409)', async () => {
    const unavailable = () => json({}, { status: 503 });
    const read = setup((_, call) => (call === 1 ? unavailable() : json(officerApplication)), {
      retry: noDelay(),
    });
    await read.client.getApplication(code);
    expect(read.requests).toHaveLength(2);
    const write = setup(unavailable, { retry: noDelay() });
    await expect(write.client.transition(code, { to: 'in_review' })).rejects.toMatchObject({ status: 503 });
    expect(write.requests).toHaveLength(1);
  });

  it('maps a 401 (unknown or revoked token)', async () => {
    const { client } = setup(() =>
      problem({ type: 'urn:loket:problem:unauthorized', title: 'Token tidak dikenal', status: 401 }),
    );
    await expect(client.listApplications()).rejects.toMatchObject({
      status: 401,
      type: 'urn:loket:problem:unauthorized',
    });
  });
});

describe('filenameFrom (Content-Disposition)', () => {
  it.each([
    [null, null],
    ['attachment', null],
    ['attachment; filename="surat.pdf"', 'surat.pdf'],
    ['attachment; filename=surat.pdf', 'surat.pdf'],
    ['attachment; filename="a \\"b\\".pdf"', 'a "b".pdf'],
    ["attachment; filename*=UTF-8''%E2%9C%93.pdf", '✓.pdf'],
    ['attachment; filename*=utf-8\'\'%E2%9C%93.pdf; filename="x.pdf"', '✓.pdf'],
    ['attachment; filename*=UTF-8\'\'%E2%9C.pdf; filename="fallback.pdf"', 'fallback.pdf'],
    ['attachment; filename="../../etc/passwd"', 'passwd'],
    ['attachment; filename="C:\\\\Users\\\\x.pdf"', 'x.pdf'],
  ])('%s → %s', (header, expected) => {
    expect(filenameFrom(header)).toBe(expected);
  });
});

import { readdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/app.js';

// What only a real socket can send: bytes Node's HTTP parser refuses, and requests that trickle.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ timeouts: { headersMs: 1000, requestMs: 3000 } });
}, 180_000); // a busy machine makes the first seeded database slow
afterAll(() => server?.close());

interface Raw {
  status: number;
  headers: string;
  body: string;
  /** Milliseconds from the first byte sent until the server closed the connection. */
  closedAfter: number;
}

/** Writes `chunks` to a fresh connection, `everyMs` apart, and reads until the server closes it. */
function raw(chunks: string[], everyMs = 0): Promise<Raw> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    const started = Date.now();
    let received = '';
    let timer: NodeJS.Timeout | undefined;
    const queue = [...chunks];
    const next = () => {
      const chunk = queue.shift();
      if (chunk === undefined || socket.destroyed) return;
      socket.write(chunk, () => {
        timer = setTimeout(next, everyMs);
      });
    };
    socket.on('connect', next);
    socket.on('data', (data) => {
      received += data.toString('utf8');
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      const [head = '', body = ''] = received.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({ status, headers: head, body, closedAfter: Date.now() - started });
    });
    setTimeout(() => reject(new Error(`no answer: ${received}`)), 15_000).unref();
  });
}

const problemOf = (reply: Raw) => {
  expect(reply.headers).toMatch(/content-type: application\/problem\+json/i);
  return JSON.parse(reply.body) as { type: string; status: number; title: string; detail: string };
};

describe('requests the HTTP parser refuses', () => {
  it.each([
    ['a control character', 'loket-secret: a\u0001b'],
    ['a NUL', 'accept-language: en\u0000'],
    ['DEL', 'x-request-id: x\u007f'],
  ])('%s in a header is a 400 problem, not Fastify JSON', async (_, header) => {
    const reply = await raw([`GET /v1/categories HTTP/1.1\r\nHost: x\r\n${header}\r\n\r\n`]);
    expect(reply.status).toBe(400);
    expect(problemOf(reply)).toMatchObject({ type: 'urn:loket:problem:invalid-request', status: 400 });
  });

  it('headers too large are a 431 problem, in the language asked for', async () => {
    const reply = await raw([
      `GET /v1/categories?lang=en HTTP/1.1\r\nHost: x\r\nx-filler: ${'a'.repeat(20_000)}\r\n\r\n`,
    ]);
    expect(reply.status).toBe(431);
    expect(problemOf(reply)).toMatchObject({ status: 431, title: 'Request headers too large' });
  });
});

describe('time', () => {
  it('headers trickling in are cut with a 408 problem', async () => {
    const head = 'GET /v1/categories HTTP/1.1\r\nHost: x\r\nAccept-Language: en\r\n';
    const reply = await raw([...head.split(''), '\r\n'], 200);
    expect(reply.status).toBe(408);
    expect(problemOf(reply)).toMatchObject({ type: 'urn:loket:problem:request-timeout', status: 408 });
    expect(reply.closedAfter).toBeLessThan(4000);
  });

  it('an upload trickling one byte every two seconds is cut with a 408 problem', async () => {
    const body = '{"service":"ktp-el-hilang","region":"33.74"}';
    const head =
      'POST /v1/applications?lang=en HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
      `Content-Length: ${body.length}\r\n\r\n`;
    const reply = await raw([head, ...body.split('')], 2000);
    expect(reply.status).toBe(408);
    const problem = problemOf(reply);
    expect(problem).toMatchObject({ status: 408, title: 'Request timeout' });
    expect(problem.detail).toMatch(/3 seconds/);
    expect(reply.closedAfter).toBeLessThan(6000);
  });

  it('a file upload trickling one byte every two seconds is cut with a 408 problem, and leaves no file', async () => {
    const created = await fetch(`${server.url}/v1/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ service: 'ktp-el-hilang', region: '33.74' }),
    });
    const { code, secret } = (await created.json()) as { code: string; secret: string };
    const boundary = 'trickle';
    // The type is read from the file's first bytes: those come at once, the rest trickles.
    const [first, rest] = ['%PDF-1.4\n%surat', ' kehilangan\n'];
    const start =
      `--${boundary}\r\nContent-Disposition: form-data; name="field"\r\n\r\nsurat_keterangan_kehilangan\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n` +
      'Content-Type: application/pdf\r\n\r\n';
    const end = `\r\n--${boundary}--\r\n`;
    const head =
      `POST /v1/applications/${code}/attachments?lang=en HTTP/1.1\r\nHost: x\r\nLoket-Secret: ${secret}\r\n` +
      `Content-Type: multipart/form-data; boundary=${boundary}\r\n` +
      `Content-Length: ${start.length + first.length + rest.length + end.length}\r\n\r\n${start}${first}`;
    const reply = await raw([head, ...rest.split(''), end], 2000);
    expect(reply.status).toBe(408);
    const problem = problemOf(reply);
    expect(problem).toMatchObject({ status: 408, title: 'Request timeout' });
    expect(problem.detail).toMatch(/3 seconds/);
    expect(reply.closedAfter).toBeLessThan(6000);
    const [row] = await server.db.query<{ n: number }>(
      `select count(*)::int as n from attachment a join application p on p.id = a.application_id
       where p.code = $1`,
      [code.replace(/-/g, '').replace(/^LKT/, '')],
    );
    expect(row?.n).toBe(0);
    // Nor a partial file on disk (removed when the request is cut, maybe a moment later).
    const files = () => readdir(server.uploadsDir, { recursive: true, withFileTypes: true });
    for (let i = 0; i < 50 && (await files()).some((f) => f.isFile()); i++) await sleep(100);
    expect((await files()).filter((f) => f.isFile()).map((f) => f.name)).toEqual([]);
  });

  it('a request sent in good time is answered', async () => {
    const reply = await raw(['GET /v1/categories HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n']);
    expect(reply.status).toBe(200);
  });
});

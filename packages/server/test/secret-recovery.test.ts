import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCode } from '../src/applications/secrets.js';
import { startOutbox } from '../src/notifications/worker.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { checkResponse } from './helpers/contract.js';
import { deliveriesOf, insertApplication, memoryLog, secret, settings, until } from './helpers/notify.js';
import { startSmtp, type TestSmtp } from './helpers/smtp.js';

// "Lupa kode rahasia?" (issue 15): the code and the application's e-mail or phone give a one-time
// link, sent through the outbox to a real SMTP server, that issues a new secret. The answer is the
// same whether or not they match; the link works once and expires; the requests are limited.

let server: TestServer;
let smtp: TestSmtp;
let clock = Date.now();

beforeAll(async () => {
  server = await startTestServer({
    now: () => new Date(clock),
    limits: { recoveryPerCode: { max: 3, windowMs: 3_600_000 } },
  });
  smtp = await startSmtp();
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(server.url + path, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  const parsed = text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text;
  expect(checkResponse(method, path, response.status, response.headers.get('content-type'), parsed)).toEqual(
    [],
  );
  return { status: response.status, body: parsed, text, headers: response.headers };
}

const ask = (code: string, contact: string, headers: Record<string, string> = {}) =>
  call('POST', `/v1/applications/${formatCode(code)}/secret-recovery`, { contact }, headers);
const track = (code: string, withSecret: string) =>
  call('GET', `/v1/applications/${formatCode(code)}/status`, undefined, { 'loket-secret': withSecret });
const mailsTo = (code: string) => smtp.received.filter((m) => m.subject?.includes(formatCode(code)));
/** The one-time token of a recovery e-mail's link. */
const tokenIn = (text: string | undefined) => /[#&]pulih=([\w-]+)/.exec(text ?? '')?.[1];

async function submitted(email = 'budi@example.com') {
  const app = await insertApplication(server.db, { status: 'submitted', email });
  await server.db.query('update application set contact_email = $2, contact_phone = $3 where id = $1', [
    app.id,
    email,
    '+6281234567890',
  ]);
  return app;
}

describe('Lupa kode rahasia?', () => {
  it('answers the same, whether the code exists and the contact matches or not', async () => {
    const app = await submitted('sama@example.com');
    const answers = [
      await ask(app.code, 'sama@example.com'),
      await ask(app.code, 'lain@example.com'),
      await ask('000000000000', 'sama@example.com'),
      await ask(
        app.code.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
        '0812 3456 7890',
      ),
    ];
    for (const answer of answers) {
      expect(answer.status, JSON.stringify(answer.body)).toBe(202);
      expect(answer.text).toBe(answers[0]?.text);
      expect(answer.headers.get('content-length')).toBe(answers[0]?.headers.get('content-length'));
    }
    expect(answers[0]?.body.message).toContain('Bila kode pelacakan dan kontak itu cocok');
  });

  it('sends a one-time link to the e-mail that matched; it gives a new secret once and the old one stops working', async () => {
    const app = await submitted('Pulih@Example.com');
    const outbox = startOutbox(server.db, settings(smtp.url), memoryLog(), () => new Date(clock));
    try {
      expect((await ask(app.code, 'lain@example.com')).status).toBe(202);
      expect((await ask(app.code, ' pulih@example.COM ')).status).toBe(202);
      await until(() => mailsTo(app.code).length > 0);
      await until(async () => (await deliveriesOf(server.db, app.id)).every((d) => d.status === 'delivered'));
      expect(await deliveriesOf(server.db, app.id)).toHaveLength(1);
      const [mail] = mailsTo(app.code);
      expect(mail?.subject).toBe(`Permohonan ${formatCode(app.code)}: tautan kode rahasia baru`);
      expect(mail?.text).toContain(
        `https://layanan.semarang.example/lacak#kode=${formatCode(app.code)}&pulih=`,
      );
      expect(mail?.text).toContain('/v1/notifications/stop/');
      expect(mail?.text).not.toContain(secret);
      const token = tokenIn(mail?.text);
      expect(token).toBeDefined();

      const recovered = await call('POST', `/v1/applications/${formatCode(app.code)}/secret`, { token });
      expect(recovered.status).toBe(200);
      expect(recovered.body.code).toBe(formatCode(app.code));
      expect(recovered.body.secret).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
      expect((await track(app.code, recovered.body.secret)).status).toBe(200);
      expect((await track(app.code, secret)).status).toBe(404);
      // Once only.
      const again = await call('POST', `/v1/applications/${formatCode(app.code)}/secret`, { token });
      expect(again.status).toBe(404);
      expect(again.body.detail).toContain('sudah dipakai');
    } finally {
      await outbox.stop();
    }
  });

  it('refuses a link after 30 minutes, and for another application', async () => {
    const app = await submitted('lama@example.com');
    const other = await submitted('lain@example.com');
    const outbox = startOutbox(server.db, settings(smtp.url), memoryLog(), () => new Date(clock));
    try {
      await ask(app.code, 'lama@example.com');
      await until(() => mailsTo(app.code).length > 0);
      const token = tokenIn(mailsTo(app.code)[0]?.text);
      const foreign = await call('POST', `/v1/applications/${formatCode(other.code)}/secret`, { token });
      expect(foreign.status).toBe(404);
      clock += 31 * 60_000;
      const late = await call('POST', `/v1/applications/${formatCode(app.code)}/secret`, { token });
      expect(late.status).toBe(404);
      expect((await track(app.code, secret)).status).toBe(200);
    } finally {
      await outbox.stop();
    }
  });

  it('matches the phone number in any grouping, and sends to the phone channel only with a gateway', async () => {
    const app = await submitted('telepon@example.com');
    const outbox = startOutbox(server.db, settings(smtp.url), memoryLog(), () => new Date(clock));
    try {
      expect((await ask(app.code, '+62 812-3456-7890')).status).toBe(202);
      await until(async () => {
        const [row] = await server.db.query<{ n: number }>(
          `select count(*)::int as n from outbox_event where application_id = $1 and fanned_out_at is not null`,
          [app.id],
        );
        return (row?.n ?? 0) > 0;
      });
      // No gateway in this server: nothing is sent by phone, and no e-mail goes out instead.
      expect(await deliveriesOf(server.db, app.id)).toEqual([]);
      expect(mailsTo(app.code)).toEqual([]);
    } finally {
      await outbox.stop();
    }
  });

  it('limits requests per tracking code, whoever asks and whether or not it exists', async () => {
    const app = await submitted('batas@example.com');
    for (const code of [app.code, 'ZZZZ0000ZZZZ']) {
      for (let i = 0; i < 3; i++) expect((await ask(code, `x${i}@example.com`)).status).toBe(202);
      const refused = await ask(code, 'batas@example.com');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('refuses pages of origins no region allowed, the same for every code', async () => {
    const app = await submitted('asal@example.com');
    const foreign = { origin: 'https://evil.example' };
    expect((await ask(app.code, 'asal@example.com', foreign)).status).toBe(403);
    expect((await ask('111111111111', 'asal@example.com', foreign)).status).toBe(403);
  });

  it('refuses a malformed token with 400 and an unknown one with 404', async () => {
    const code = formatCode((await submitted('token@example.com')).code);
    expect((await call('POST', `/v1/applications/${code}/secret`, { token: 'x' })).status).toBe(400);
    const unknown = await call('POST', `/v1/applications/${code}/secret`, {
      token: randomUUID().replaceAll('-', ''),
    });
    expect(unknown.status).toBe(404);
  });
});

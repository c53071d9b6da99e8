import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficerToken } from '../src/applications/officer-tokens.js';
import { formatCode } from '../src/applications/secrets.js';
import { startOutbox } from '../src/notifications/worker.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { checkResponse } from './helpers/contract.js';
import {
  answers,
  deliveriesOf,
  insertApplication,
  memoryLog,
  secret,
  settings,
  until,
} from './helpers/notify.js';
import { startSmtp, type TestSmtp } from './helpers/smtp.js';

// What a citizen receives: one e-mail per status change, in the language they applied in, with
// the tracking code, what happened, the fields to fix by their labels, what to do next, the
// tracker link and a one-click stop link; never the secret, never an answer. Real SMTP server.

let server: TestServer;
let smtp: TestSmtp;
let officer: string;

beforeAll(async () => {
  server = await startTestServer();
  smtp = await startSmtp();
  officer = (
    await createOfficerToken(server.db, { name: 'Petugas Semarang', agency: 'dukcapil', region: '33.74' })
  ).token;
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(server.url + path, {
    method,
    headers: {
      authorization: `Bearer ${officer}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  const parsed = text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text;
  expect(checkResponse(method, path, response.status, response.headers.get('content-type'), parsed)).toEqual(
    [],
  );
  return { status: response.status, body: parsed };
}

/** A header as sent (mailparser turns List-Unsubscribe into an object). */
const rawHeader = (mail: ParsedMail | undefined, name: string) =>
  mail?.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '') ?? '';

const revise = (code: string) =>
  call('POST', `/v1/officer/applications/${code}/transitions`, {
    to: 'needs_revision',
    public_note: 'Foto surat kehilangan buram.',
    fields: ['surat_keterangan_kehilangan', 'tanggal_kehilangan'],
  });

describe('e-mail notifications', () => {
  it('sends one e-mail for a needs_revision transition, in Indonesian, without the secret or any answer', async () => {
    const app = await insertApplication(server.db, { status: 'in_review', lang: 'id' });
    const outbox = startOutbox(server.db, settings(smtp.url), memoryLog());
    try {
      const before = smtp.received.length;
      expect((await revise(app.code)).status).toBe(200);
      await until(() => smtp.received.length > before);
      await until(async () => (await deliveriesOf(server.db, app.id))[0]?.status === 'delivered');
      const mail = smtp.received.at(-1);
      const code = formatCode(app.code);
      expect(mail?.to && 'text' in mail.to ? mail.to.text : '').toBe('budi@example.com');
      expect(mail?.subject).toBe(`Permohonan ${code}: perlu diperbaiki`);
      expect(mail?.text).toContain(code);
      expect(mail?.text).toContain('Perlu diperbaiki: petugas meminta Anda memperbaiki beberapa isian.');
      expect(mail?.text).toContain('- Surat keterangan kehilangan dari kepolisian');
      expect(mail?.text).toContain('- Kapan KTP-el Anda hilang?');
      expect(mail?.text).toContain('Foto surat kehilangan buram.');
      expect(mail?.text).toContain('Perbaiki isian yang diminta, lalu kirim ulang permohonan.');
      expect(mail?.text).toContain(`https://layanan.semarang.example/lacak#kode=${code}`);
      expect(mail?.html).toContain(`href="https://layanan.semarang.example/lacak#kode=${code}"`);
      const [delivery] = await deliveriesOf(server.db, app.id);
      expect(mail?.messageId).toBe(`<${delivery?.id}@semarang.example>`);
      const stop = /<(https:\/\/api\.semarang\.example\/v1\/notifications\/stop\/[\w-]+)>/.exec(
        rawHeader(mail, 'list-unsubscribe'),
      );
      expect(stop).not.toBeNull();
      expect(rawHeader(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      const everything = `${mail?.subject}\n${mail?.text}\n${mail?.html}`;
      for (const hidden of [
        secret,
        secret.replaceAll('-', ''),
        answers.nik,
        answers.nama_lengkap,
        answers.telepon,
      ]) {
        expect(everything).not.toContain(hidden);
      }
      expect(smtp.received.length).toBe(before + 1);
    } finally {
      await outbox.stop();
    }
  });

  it('writes in English to a citizen who applied in English', async () => {
    const app = await insertApplication(server.db, {
      status: 'in_review',
      lang: 'en',
      email: 'ann@example.org',
    });
    const outbox = startOutbox(server.db, settings(smtp.url), memoryLog());
    try {
      await revise(app.code);
      await until(() => smtp.received.some((m) => m.subject?.includes(formatCode(app.code))));
      const mail = smtp.received.find((m) => m.subject?.includes(formatCode(app.code)));
      expect(mail?.subject).toBe(`Application ${formatCode(app.code)}: needs changes`);
      expect(mail?.text).toContain('- Police loss report');
      expect(mail?.text).toContain('Fix the answers asked for, then send the application again.');
      expect(mail?.html).toContain('<html lang="en">');
    } finally {
      await outbox.stop();
    }
  });

  it('records the language of the request that created the application', async () => {
    const created = await fetch(`${server.url}/v1/applications?lang=en`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ service: 'ktp-el-hilang', region: '33.74', answers: {} }),
    });
    expect(created.status).toBe(201);
    const { code } = (await created.json()) as { code: string };
    const [row] = await server.db.query<{ lang: string }>('select lang from application where code = $1', [
      code.replace(/^LKT-|-/g, ''),
    ]);
    expect(row?.lang).toBe('en');
  });

  it('stops further e-mails with the one-click stop link (RFC 8058)', async () => {
    const app = await insertApplication(server.db, {
      status: 'submitted',
      lang: 'id',
      email: 'stop@example.com',
    });
    const outbox = startOutbox(server.db, settings(smtp.url), memoryLog());
    try {
      await call('POST', `/v1/officer/applications/${app.code}/transitions`, { to: 'in_review' });
      await until(() => smtp.received.some((m) => m.subject?.includes(formatCode(app.code))));
      const mail = smtp.received.find((m) => m.subject?.includes(formatCode(app.code)));
      const link = /<https:\/\/api\.semarang\.example(\/v1\/notifications\/stop\/[\w-]+)>/.exec(
        rawHeader(mail, 'list-unsubscribe'),
      )?.[1];
      expect(link).toBeDefined();
      // Opening the link (a person, or a mail scanner) only asks.
      const asked = await call('GET', String(link));
      expect(asked.status).toBe(200);
      expect(asked.body).toContain('<form method="post">');
      const stoppedAt = async () =>
        (
          await server.db.query<{ at: Date | null }>(
            'select notifications_stopped_at as at from application where id = $1',
            [app.id],
          )
        )[0]?.at;
      expect(await stoppedAt()).toBeNull();
      // The mail client's one-click POST (RFC 8058), or the page's button.
      const response = await fetch(server.url + String(link), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('Anda tidak akan menerima e-mail lagi tentang permohonan ini.');
      expect(await stoppedAt()).not.toBeNull();
      // Again: still stopped, nothing changes.
      expect((await call('POST', String(link))).status).toBe(200);
      expect((await call('POST', '/v1/notifications/stop/unknown-token')).status).toBe(404);
      expect((await call('GET', '/v1/notifications/stop/unknown-token')).status).toBe(404);

      await revise(app.code);
      await outbox.runOnce();
      await outbox.runOnce();
      expect(smtp.received.filter((m) => m.subject?.includes(formatCode(app.code)))).toHaveLength(1);
      expect((await deliveriesOf(server.db, app.id)).map((d) => d.status)).toEqual(['delivered']);
    } finally {
      await outbox.stop();
    }
  });

  it('sends nothing and creates no deliveries without LOKET_SMTP_URL, and says so once', async () => {
    const app = await insertApplication(server.db, { status: 'in_review' });
    const log = memoryLog();
    const outbox = startOutbox(server.db, settings(undefined), log);
    try {
      const before = smtp.offered;
      await revise(app.code);
      await until(async () => {
        const [row] = await server.db.query<{ n: number }>(
          'select count(*)::int as n from outbox_event where application_id = $1 and fanned_out_at is null',
          [app.id],
        );
        return row?.n === 0;
      });
      await outbox.runOnce();
      expect(await deliveriesOf(server.db, app.id)).toEqual([]);
      expect(smtp.offered).toBe(before);
      expect(log.lines.filter((l) => /LOKET_SMTP_URL/.test(l.msg))).toHaveLength(1);
    } finally {
      await outbox.stop();
    }
  });

  it('shows the officer the delivery log, the address masked', async () => {
    const app = await insertApplication(server.db, { status: 'in_review', email: 'siti.aminah@example.com' });
    const outbox = startOutbox(server.db, settings(smtp.url), memoryLog());
    try {
      await revise(app.code);
      await until(async () => (await deliveriesOf(server.db, app.id))[0]?.status === 'delivered');
    } finally {
      await outbox.stop();
    }
    const log = await call('GET', `/v1/officer/applications/${formatCode(app.code)}/deliveries`);
    expect(log.status).toBe(200);
    expect(log.body.data).toEqual([
      expect.objectContaining({
        topic: 'application.needs_revision',
        channel: 'email',
        target: 's***@example.com',
        status: 'delivered',
        attempts: 1,
        last_error: null,
      }),
    ]);
    expect(JSON.stringify(log.body)).not.toContain('siti.aminah');
    const other = (
      await createOfficerToken(server.db, { name: 'Petugas lain', agency: 'dukcapil', region: '31.71' })
    ).token;
    const refused = await call('GET', `/v1/officer/applications/${app.code}/deliveries`, undefined, {
      authorization: `Bearer ${other}`,
    });
    expect(refused.status).toBe(403);
  });
});

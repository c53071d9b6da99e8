import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficerToken } from '../src/applications/officer-tokens.js';
import { fanOut } from '../src/notifications/deliveries.js';
import { targetsOf } from '../src/notifications/targets.js';
import { startOutbox } from '../src/notifications/worker.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { checkResponse } from './helpers/contract.js';
import { deliveriesOf, memoryLog, settings, until } from './helpers/notify.js';
import { startSmtp, type TestSmtp } from './helpers/smtp.js';

// The citizen's choice of news channels (issue 15): stored per application with the contacts at
// submission, read back, and the only channels the outbox sends to; never chosen, an application
// keeps the e-mail it got before the choice existed. A real SMTP server receives what is sent.

let server: TestServer;
let smtp: TestSmtp;
let officer: string;
beforeAll(async () => {
  server = await startTestServer();
  smtp = await startSmtp();
  officer = (await createOfficerToken(server.db, { name: 'Uji', agency: 'dukcapil', region: '33.74' })).token;
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

async function call(method: string, path: string, headers: Record<string, string> = {}, body?: unknown) {
  const response = await fetch(server.url + path, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked against the contract
  const parsed: any = await response.json();
  expect(checkResponse(method, path, response.status, response.headers.get('content-type'), parsed)).toEqual(
    [],
  );
  return { status: response.status, body: parsed };
}

const bare = (code: string) => code.replace(/-/g, '').replace(/^LKT/, '');

/** A ktp-el-hilang application sent with `notify` (absent: as an older client sends it). */
async function send(email: string, notify?: string[]) {
  const created = await call(
    'POST',
    '/v1/applications',
    {},
    {
      service: 'ktp-el-hilang',
      region: '33.74',
      answers: {
        nama_lengkap: 'Siti Aminah',
        nik: '3374015708900001',
        telepon: '0812-3456-7890',
        email,
        tanggal_kehilangan: '2026-03-01',
        pernyataan_benar: true,
      },
    },
  );
  const { code, secret } = created.body as { code: string; secret: string };
  for (const field of ['surat_keterangan_kehilangan', 'kartu_keluarga']) {
    const id = randomUUID();
    await server.db.query(
      `insert into attachment (id, application_id, field, filename, content_type, size, sha256, storage_key)
       values ($1, (select id from application where code = $2), $3, 'scan.pdf', 'application/pdf', 1234, $4, $5)`,
      [id, bare(code), field, createHash('sha256').update(id).digest('hex'), randomUUID()],
    );
    const etag = (
      await fetch(`${server.url}/v1/applications/${code}`, { headers: { 'loket-secret': secret } })
    ).headers.get('etag') as string;
    const saved = await call(
      'PATCH',
      `/v1/applications/${code}`,
      { 'loket-secret': secret, 'if-match': etag },
      { answers: { [field]: [id] } },
    );
    expect(saved.status).toBe(200);
  }
  const body = notify ? { declaration: true, notify } : { declaration: true };
  const headers = { 'loket-secret': secret, 'idempotency-key': randomUUID() };
  expect((await call('POST', `/v1/applications/${code}/submit`, headers, body)).status).toBe(200);
  const [row] = await server.db.query<{ id: string }>('select id from application where code = $1', [
    bare(code),
  ]);
  return { code, secret, id: row?.id as string };
}

const review = (code: string) =>
  call(
    'POST',
    `/v1/officer/applications/${code}/transitions`,
    { authorization: `Bearer ${officer}` },
    {
      to: 'in_review',
    },
  );

describe('news channels chosen on the form', () => {
  it('stores the choice and the contacts, and reads the choice back', async () => {
    const app = await send('Siti@Example.com', ['phone', 'email']);
    const read = await call('GET', `/v1/applications/${app.code}`, { 'loket-secret': app.secret });
    expect(read.body.notify).toEqual(['email', 'phone']);
    const [row] = await server.db.query<{ contact_email: string; contact_phone: string }>(
      'select contact_email, contact_phone from application where id = $1',
      [app.id],
    );
    expect(row).toEqual({ contact_email: 'siti@example.com', contact_phone: '+6281234567890' });
  });

  it('sends no e-mail to a citizen who chose only the phone (and nothing by phone without a gateway)', async () => {
    const app = await send('hanya-hp@example.com', ['phone']);
    const outbox = startOutbox(server.db, settings(smtp.url), memoryLog());
    try {
      expect((await review(app.code)).status).toBe(200);
      await outbox.runOnce();
      expect(await deliveriesOf(server.db, app.id)).toEqual([]);
      expect(smtp.received.filter((m) => m.subject?.includes(app.code))).toEqual([]);
    } finally {
      await outbox.stop();
    }
  });

  it('e-mails a citizen who chose e-mail, and one whose client never sent a choice (as before)', async () => {
    const chose = await send('pilih@example.com', ['email']);
    const older = await send('lama@example.com');
    const none = await send('tidak@example.com', []);
    expect(
      (await call('GET', `/v1/applications/${older.code}`, { 'loket-secret': older.secret })).body.notify,
    ).toBe(null);
    const outbox = startOutbox(server.db, settings(smtp.url), memoryLog());
    try {
      for (const app of [chose, older, none]) await review(app.code);
      const to = (code: string) => smtp.received.filter((m) => m.subject?.includes(code));
      await until(() => to(chose.code).length === 2 && to(older.code).length === 2);
      await outbox.runOnce();
      expect(to(none.code)).toEqual([]);
      expect(await deliveriesOf(server.db, none.id)).toEqual([]);
    } finally {
      await outbox.stop();
    }
  });

  it('fans out to the phone only when chosen and a gateway is there', async () => {
    const phoneOnly = await send('x@example.com', ['phone']);
    await review(phoneOnly.code);
    await fanOut(server.db, { email: true, phone: true, now: new Date() });
    const deliveries = await deliveriesOf(server.db, phoneOnly.id);
    expect(deliveries.map((d) => d.target)).toEqual(['+6281234567890', '+6281234567890']);
  });
});

describe('targetsOf', () => {
  const row = {
    id: 'e',
    topic: 'application.in_review',
    payload: {},
    email: 'jawab@example.com',
    notify: null as string[] | null,
    contact_email: 'kontak@example.com',
    contact_phone: '+6281234567890',
    stopped: false,
  };
  const both = { email: true, phone: true };
  it('keeps the e-mail answer for applications that never chose', () => {
    expect(targetsOf(row, both)).toEqual([{ channel: 'email', target: 'jawab@example.com' }]);
  });
  it('sends only to the chosen channels, and nothing after a stop', () => {
    expect(targetsOf({ ...row, notify: ['phone'] }, both)).toEqual([
      { channel: 'phone', target: '+6281234567890' },
    ]);
    expect(targetsOf({ ...row, notify: [] }, both)).toEqual([]);
    expect(targetsOf({ ...row, notify: ['email', 'phone'], stopped: true }, both)).toEqual([]);
    expect(targetsOf({ ...row, notify: ['email', 'phone'] }, { email: true, phone: false })).toEqual([
      { channel: 'email', target: 'kontak@example.com' },
    ]);
  });
  it('sends a recovery link to the contact that matched, whatever the choice', () => {
    const recovery = {
      ...row,
      topic: 'application.secret_recovery',
      payload: { to: 'email' },
      notify: [],
      stopped: true,
    };
    expect(targetsOf(recovery, both)).toEqual([{ channel: 'email', target: 'kontak@example.com' }]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficerToken, revokeOfficerToken } from '../src/applications/officer-tokens.js';
import { isOverdue } from '../src/applications/present.js';
import { formatCode, newId } from '../src/applications/secrets.js';
import { transition } from '../src/applications/state.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { type AppSpec, client, insertApplication, type Status, seedForm, token } from './officer-fixtures.js';

// 2026-03-09 18:00 UTC is already 2026-03-10 01:00 in Jakarta (WIB, UTC+7): a due date of
// 2026-03-09 is overdue there, though it is still the 9th in UTC.
const now = new Date('2026-03-09T18:00:00Z');

describe('the officer queue', () => {
  let server: TestServer;
  const call = client(() => server);
  const codes: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer({ now: () => now });
    const db = server.db;
    const apps: Record<string, AppSpec> = {
      overdue: { status: 'submitted', due: '2026-03-05' },
      reviewing: { status: 'in_review', due: '2026-03-20' },
      completedLate: { status: 'completed', due: '2026-03-01' },
      draft: { status: 'draft', due: null },
      cilacap: {
        status: 'submitted',
        region: '33.01',
        due: '2026-03-09',
        submittedAt: '2026-03-01T01:00:00Z',
      },
      noDue: { status: 'submitted', due: null },
      kk: { status: 'needs_revision', service: 'kk-baru', due: '2026-03-15' },
      // Waiting for the citizen: past due, but the agency owes nothing yet.
      waiting: { status: 'needs_revision', due: '2026-03-03' },
      jakartaLater: {
        status: 'submitted',
        region: '31.71',
        due: '2026-03-12',
        submittedAt: '2026-03-03T00:00:00Z',
      },
      jakartaEarlier: {
        status: 'in_review',
        region: '31.71',
        due: '2026-03-12',
        submittedAt: '2026-03-02T00:00:00Z',
      },
      withdrawnDraft: { status: 'withdrawn', submittedAt: null },
    };
    for (const [key, spec] of Object.entries(apps)) codes[key] = (await insertApplication(db, spec)).code;
    tokens.kota = await token(db, 'dukcapil', '33.74', 'Siti (Dukcapil Semarang)');
    tokens.province = await token(db, 'dukcapil', '33', 'Dukcapil Jawa Tengah');
    tokens.jakarta = await token(db, 'dukcapil', '31.71');
    tokens.imigrasi = await token(db, 'imigrasi', '33.74');
    // An attachment of one application, listed from the attachment table.
    const [row] = await db.query<{ id: string }>('select id from application where code = $1', [
      codes.overdue,
    ]);
    await db.query(
      `insert into attachment (id, application_id, field, filename, content_type, size, sha256, storage_key)
       values ($1, $2, 'surat_kehilangan', 'surat.pdf', 'application/pdf', 12345, $3, $4)`,
      [newId(), row?.id, 'a'.repeat(64), `test/${newId()}`],
    );
  });
  afterAll(() => server?.close());

  const shown = (body: { data: { code: string }[] }) => body.data.map((a) => a.code);
  const f = (key: string) => formatCode(codes[key] as string);

  it('lists the kota officer’s submitted applications, oldest due first, no due date last, never drafts', async () => {
    const { status, headers, body } = await call('GET', '/v1/officer/applications', { token: tokens.kota });
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(body.total).toBe(6);
    expect(shown(body)).toEqual([
      f('completedLate'),
      f('waiting'),
      f('overdue'),
      f('kk'),
      f('reviewing'),
      f('noDue'),
    ]);
    const overdue = body.data[2];
    expect(overdue).toMatchObject({
      lang: 'id',
      service: { id: 'ktp-el-hilang' },
      region: '33.74',
      status: 'submitted',
      answers: { nama: 'Budi Santoso', nik: '3374011505900001' },
      overdue: true,
      due: { date: '2026-03-05', working_days: 10, calendar: 'official' },
      submitted_at: '2026-03-02T02:00:00.000Z',
      revision_fields: [],
    });
    expect(overdue.attachments).toEqual([
      expect.objectContaining({ field: 'surat_kehilangan', filename: 'surat.pdf', size: 12345 }),
    ]);
    expect(overdue.history).toEqual([
      expect.objectContaining({
        from: 'draft',
        to: 'submitted',
        actor: 'citizen',
        note: null,
        public_note: null,
      }),
    ]);
    // Decided applications, those waiting for the citizen and those without a due date are never overdue.
    expect(body.data[0].overdue).toBe(false);
    expect(body.data[1]).toMatchObject({ status: 'needs_revision', overdue: false });
    expect(body.data[5]).toMatchObject({
      overdue: false,
      due: { date: null, working_days: null, calendar: 'none' },
    });
  });

  it('names the service in the request language', async () => {
    const id = await call('GET', '/v1/officer/applications?service=ktp-el-hilang&limit=1', {
      token: tokens.kota,
    });
    const en = await call('GET', '/v1/officer/applications?service=ktp-el-hilang&limit=1&lang=en', {
      token: tokens.kota,
    });
    expect(en.body.lang).toBe('en');
    expect(en.body.data[0].service.name).not.toBe(id.body.data[0].service.name);
    expect(en.headers.get('content-language')).toBe('en');
  });

  it('filters by status, service and overdue (due before today in Asia/Jakarta)', async () => {
    const q = async (query: string, t = tokens.kota) =>
      (await call('GET', `/v1/officer/applications?${query}`, { token: t })).body;
    expect(shown(await q('status=submitted'))).toEqual([f('overdue'), f('noDue')]);
    expect(shown(await q('status=draft'))).toEqual([]);
    expect(shown(await q('service=kk-baru'))).toEqual([f('kk')]);
    expect(shown(await q('service=no-such-service'))).toEqual([]);
    expect(shown(await q('overdue=true'))).toEqual([f('overdue')]);
    expect(shown(await q('overdue=false'))).toEqual([
      f('completedLate'),
      f('waiting'),
      f('kk'),
      f('reviewing'),
      f('noDue'),
    ]);
    // Due 2026-03-09: overdue in Jakarta (already the 10th) though still the 9th in UTC.
    expect(shown(await q('overdue=true', tokens.province))).toEqual([f('overdue'), f('cilacap')]);
    // The same rule as the citizen's status (present.ts), so officer and citizen never disagree.
    for (const app of (await q('limit=100', tokens.province)).data) {
      const row = {
        status: app.status,
        due_date: app.due.date,
        due_working_days: app.due.working_days,
        due_calendar: app.due.calendar,
      };
      expect(isOverdue(row, now), app.code).toBe(app.overdue);
    }
    const combined = await q('status=submitted&service=ktp-el-hilang&overdue=false');
    expect(shown(combined)).toEqual([f('noDue')]);
    expect(combined.total).toBe(1);
  });

  it('pages through the queue with cursors, and refuses a cursor from another query', async () => {
    const all = (await call('GET', '/v1/officer/applications', { token: tokens.province })).body;
    expect(all.total).toBe(7);
    const seen: string[] = [];
    let path = '/v1/officer/applications?limit=2';
    let pages = 0;
    while (path) {
      const { status, body } = await call('GET', path, { token: tokens.province });
      expect(status).toBe(200);
      expect(body.total).toBe(7);
      expect(body.page.limit).toBe(2);
      seen.push(...shown(body));
      pages++;
      path = body.page.next_cursor ? `/v1/officer/applications?limit=2&cursor=${body.page.next_cursor}` : '';
    }
    expect(pages).toBe(4);
    expect(seen).toEqual(shown(all));
    expect(new Set(seen).size).toBe(7);
    const first = (await call('GET', '/v1/officer/applications?limit=2', { token: tokens.province })).body;
    const wrong = await call(
      'GET',
      `/v1/officer/applications?status=submitted&cursor=${first.page.next_cursor}`,
      {
        token: tokens.province,
      },
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.type).toBe('urn:loket:problem:invalid-cursor');
    const tooMany = await call('GET', '/v1/officer/applications?limit=101', { token: tokens.province });
    expect(tooMany.status).toBe(400);
  });

  it('scopes by agency and region: kota, province, another region, another agency', async () => {
    const list = async (t: string | undefined) =>
      (await call('GET', '/v1/officer/applications?limit=100', { token: t as string })).body;
    expect(shown(await list(tokens.kota))).not.toContain(f('cilacap'));
    const province = shown(await list(tokens.province));
    expect(province).toContain(f('cilacap'));
    expect(province).toContain(f('overdue'));
    expect(province).not.toContain(f('jakartaLater'));
    // Same due date: the earlier submission first.
    expect(shown(await list(tokens.jakarta))).toEqual([f('jakartaEarlier'), f('jakartaLater')]);
    expect((await list(tokens.imigrasi)).total).toBe(0);

    const mine = await call('GET', `/v1/officer/applications/${f('overdue')}`, { token: tokens.kota });
    expect(mine.status).toBe(200);
    expect(mine.headers.get('cache-control')).toBe('no-store');
    expect(mine.body.code).toBe(f('overdue'));
    // Codes are accepted in any case, with or without dashes.
    const bare = await call('GET', `/v1/officer/applications/${(codes.overdue as string).toLowerCase()}`, {
      token: tokens.kota,
    });
    expect(bare.body.code).toBe(f('overdue'));
    const viaProvince = await call('GET', `/v1/officer/applications/${f('cilacap')}`, {
      token: tokens.province,
    });
    expect(viaProvince.status).toBe(200);

    for (const [t, code] of [
      [tokens.kota, f('cilacap')],
      [tokens.imigrasi, f('overdue')],
      [tokens.jakarta, f('overdue')],
    ] as const) {
      const other = await call('GET', `/v1/officer/applications/${code}`, { token: t });
      expect(other.status).toBe(403);
      expect(other.body.type).toBe('urn:loket:problem:forbidden');
      expect(other.body.detail).toMatch(/instansi atau wilayah lain/);
    }
  });

  it('answers 404 for an unknown code and for applications never submitted', async () => {
    for (const code of ['LKT-0000-0000-0000', f('draft'), f('withdrawnDraft'), 'not-a-code-at-all']) {
      const { status, body } = await call('GET', `/v1/officer/applications/${code}`, {
        token: tokens.province,
      });
      expect(status).toBe(404);
      expect(body.type).toBe('urn:loket:problem:not-found');
    }
  });

  it('refuses requests without a valid token with 401 and WWW-Authenticate', async () => {
    const revokedToken = await createOfficerToken(server.db, {
      name: 'Leaver',
      agency: 'dukcapil',
      region: '33.74',
    });
    expect((await call('GET', '/v1/officer/applications', { token: revokedToken.token })).status).toBe(200);
    await revokeOfficerToken(server.db, revokedToken.id);
    for (const headers of [
      {},
      { authorization: `Bearer ${revokedToken.token}` },
      { authorization: 'Bearer not-a-token-anyone-was-given' },
      { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` },
    ] as Record<string, string>[]) {
      const { status, headers: h, body } = await call('GET', '/v1/officer/applications', { headers });
      expect(status).toBe(401);
      expect(h.get('www-authenticate')).toBe('Bearer realm="loket-officer"');
      expect(body.type).toBe('urn:loket:problem:unauthorized');
    }
    const one = await call('GET', `/v1/officer/applications/${f('overdue')}`);
    expect(one.status).toBe(401);
    const move = await call('POST', `/v1/officer/applications/${f('overdue')}/transitions`, {
      body: { to: 'in_review' },
    });
    expect(move.status).toBe(401);
  });

  it('is never reachable from a browser page: Origin is 403 and CORS never allows it', async () => {
    const origin = 'https://semarangkota.go.id';
    // Even an origin the region allowed for the citizen endpoints.
    await server.db.query('insert into region_origin (region_code, origin) values ($1, $2)', [
      '33.74',
      origin,
    ]);
    for (const path of ['/v1/officer/applications', `/v1/officer/applications/${f('overdue')}`]) {
      const { status, headers, body } = await call('GET', path, { token: tokens.kota, headers: { origin } });
      expect(status).toBe(403);
      expect(body.type).toBe('urn:loket:problem:origin-not-allowed');
      expect(headers.get('access-control-allow-origin')).toBeNull();
    }
    const move = await call('POST', `/v1/officer/applications/${f('overdue')}/transitions`, {
      token: tokens.kota,
      body: { to: 'in_review' },
      headers: { origin },
    });
    expect(move.status).toBe(403);
    expect(move.headers.get('access-control-allow-origin')).toBeNull();
    const [row] = await server.db.query<{ status: string }>(
      'select status from application where code = $1',
      [codes.overdue],
    );
    expect(row?.status).toBe('submitted');

    // The preflight is not in the contract (no checkResponse); it must simply not allow anything.
    const preflight = await fetch(`${server.url}/v1/officer/applications`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    await preflight.text();
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
  });
});

describe('officer transitions', () => {
  let server: TestServer;
  const call = client(() => server);
  let siti: string;
  let other: string;

  beforeAll(async () => {
    server = await startTestServer({ now: () => now });
    await seedForm(server.db);
    siti = await token(server.db, 'dukcapil', '33.74', 'Siti (Dukcapil Semarang)');
    other = await token(server.db, 'dukcapil', '33.01', 'Agus (Dukcapil Cilacap)');
  });
  afterAll(() => server?.close());

  const move = (code: string, body: Record<string, unknown>, t = siti) =>
    call('POST', `/v1/officer/applications/${formatCode(code)}/transitions`, { token: t, body });

  it('takes an application from submitted through revision to completed, recording every step', async () => {
    const { id, code } = await insertApplication(server.db, { status: 'submitted' });

    const review = await move(code, { to: 'in_review', note: 'Dicek oleh Siti' });
    expect(review.status).toBe(200);
    expect(review.headers.get('cache-control')).toBe('no-store');
    expect(review.body).toMatchObject({ code: formatCode(code), status: 'in_review', revision_fields: [] });

    const revise = await move(code, {
      to: 'needs_revision',
      public_note: 'Foto surat kehilangan buram.',
      note: 'Minta unggah ulang',
      fields: ['surat_kehilangan'],
    });
    expect(revise.status).toBe(200);
    expect(revise.body).toMatchObject({ status: 'needs_revision', revision_fields: ['surat_kehilangan'] });

    // The citizen fixes the file and submits again (the citizen endpoints do this through state.ts).
    await server.db.transaction(async (tx) => {
      const [app] = await tx.query<{ id: string; status: 'needs_revision'; version: number }>(
        'select id, status, version from application where id = $1',
        [id],
      );
      await transition(tx, app as NonNullable<typeof app>, 'citizen', 'submitted', {
        actor: 'citizen',
        at: now,
      });
    });

    const again = await move(code, { to: 'in_review' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'in_review', revision_fields: [] });

    const done = await move(code, { to: 'completed', public_note: 'KTP-el dapat diambil di MPP.' });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('completed');

    const actor = 'officer:Siti (Dukcapil Semarang)';
    expect(
      done.body.history.map((h: Record<string, unknown>) => [
        h.from,
        h.to,
        h.actor,
        h.note,
        h.public_note,
        h.fields,
      ]),
    ).toEqual([
      ['draft', 'submitted', 'citizen', null, null, []],
      ['submitted', 'in_review', actor, 'Dicek oleh Siti', null, []],
      [
        'in_review',
        'needs_revision',
        actor,
        'Minta unggah ulang',
        'Foto surat kehilangan buram.',
        ['surat_kehilangan'],
      ],
      ['needs_revision', 'submitted', 'citizen', null, null, []],
      ['submitted', 'in_review', actor, null, null, []],
      ['in_review', 'completed', actor, null, 'KTP-el dapat diambil di MPP.', []],
    ]);
    const times = done.body.history.map((h: { at: string }) => Date.parse(h.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    const fetched = await call('GET', `/v1/officer/applications/${formatCode(code)}`, { token: siti });
    expect(fetched.body).toEqual(done.body);

    // The history is append-only: the database itself refuses to change it.
    await expect(
      server.db.query("update application_event set note = 'rewritten' where application_id = $1", [id]),
    ).rejects.toThrow(/append-only/);
  });

  it('rejects with a note', async () => {
    const { code } = await insertApplication(server.db, { status: 'in_review' });
    const { status, body } = await move(code, {
      to: 'rejected',
      public_note: 'Bukan penduduk Kota Semarang.',
    });
    expect(status).toBe(200);
    expect(body.status).toBe('rejected');
    expect(body.history.at(-1)).toMatchObject({
      from: 'in_review',
      to: 'rejected',
      public_note: 'Bukan penduduk Kota Semarang.',
    });
  });

  it('refuses illegal transitions with 409 and changes nothing', async () => {
    const cases: [Status, string][] = [
      ['submitted', 'completed'],
      ['submitted', 'needs_revision'],
      ['completed', 'in_review'],
      ['rejected', 'in_review'],
      ['withdrawn', 'in_review'],
      ['draft', 'in_review'],
      ['in_review', 'in_review'],
      ['needs_revision', 'in_review'],
    ];
    for (const [from, to] of cases) {
      const { code } = await insertApplication(server.db, { status: from });
      const body = to === 'needs_revision' ? { to, fields: ['nik'] } : { to };
      const res = await move(code, body);
      expect(res.status, `${from} → ${to}`).toBe(409);
      expect(res.body.type).toBe('urn:loket:problem:invalid-transition');
      const [row] = await server.db.query<{ status: string; version: number }>(
        'select status, version from application where code = $1',
        [code],
      );
      expect(row).toEqual({ status: from, version: 1 });
    }
  });

  it('needs the fields to fix for needs_revision, each a field of the form (422)', async () => {
    const { code } = await insertApplication(server.db, { status: 'in_review' });
    const without = await move(code, { to: 'needs_revision', public_note: 'Ada yang salah.' });
    expect(without.status).toBe(422);
    expect(without.body.type).toBe('urn:loket:problem:invalid-request');
    expect(without.body.errors).toEqual([{ pointer: '/fields', detail: expect.any(String) }]);

    const unknown = await move(code, { to: 'needs_revision', fields: ['nik', 'golongan_darah'] }, siti);
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([
      { pointer: '/fields/1', detail: expect.stringContaining('golongan_darah') },
    ]);

    const onCompleted = await move(code, { to: 'completed', fields: ['nik'] });
    expect(onCompleted.status).toBe(422);
    expect(onCompleted.body.errors[0].pointer).toBe('/fields');

    // The contract's own schema: an empty list or a malformed field id is a 400.
    expect((await move(code, { to: 'needs_revision', fields: [] })).status).toBe(400);
    expect((await move(code, { to: 'needs_revision', fields: ['Bad Field'] })).status).toBe(400);
    expect((await move(code, { to: 'archived' })).status).toBe(400);

    const [row] = await server.db.query<{ status: string }>(
      'select status from application where code = $1',
      [code],
    );
    expect(row?.status).toBe('in_review');
    const english = await call('POST', `/v1/officer/applications/${formatCode(code)}/transitions?lang=en`, {
      token: siti,
      body: { to: 'needs_revision' },
    });
    expect(english.body.detail).toMatch(/Name the fields/);
  });

  it('answers 403 for another region’s application and 404 for an unknown one', async () => {
    const { code } = await insertApplication(server.db, { status: 'submitted' });
    const forbidden = await move(code, { to: 'in_review' }, other);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.type).toBe('urn:loket:problem:forbidden');
    const missing = await call('POST', '/v1/officer/applications/LKT-0000-0000-0000/transitions', {
      token: siti,
      body: { to: 'in_review' },
    });
    expect(missing.status).toBe(404);
    const [row] = await server.db.query<{ status: string }>(
      'select status from application where code = $1',
      [code],
    );
    expect(row?.status).toBe('submitted');
  });

  it('lets exactly one of concurrent transitions win; the others get 409', async () => {
    for (let round = 0; round < 3; round++) {
      const { code, id } = await insertApplication(server.db, { status: 'in_review' });
      const results = await Promise.all([
        move(code, { to: 'completed' }),
        move(code, { to: 'rejected' }),
        move(code, { to: 'needs_revision', fields: ['nik'] }),
        move(code, { to: 'completed' }),
      ]);
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409, 409, 409]);
      const events = await server.db.query('select 1 from application_event where application_id = $1', [id]);
      expect(events.length).toBe(2); // the citizen's submission + the one winning transition
    }
    const { code } = await insertApplication(server.db, { status: 'submitted' });
    const twice = await Promise.all([move(code, { to: 'in_review' }), move(code, { to: 'in_review' })]);
    expect(twice.map((r) => r.status).sort()).toEqual([200, 409]);
  });
});

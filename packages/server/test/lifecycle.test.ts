import { createLoketClient, createLoketCore, createLoketOfficerClient, isLoketApiError } from '@loket/sdk';
import { createApplicationSession, memoryStorage } from '@loket/sdk/session';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOfficerToken } from '../src/applications/officer-tokens.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { contractCheckingFetch } from './helpers/contract.js';

// One real application from draft to completed, through the SDK (the citizen's application
// session and client, the officer client) against the real server over HTTP; every response is
// checked against the contract.
let server: TestServer;
const violations: string[] = [];
const now = new Date('2026-03-13T03:00:00Z'); // Friday 13 March 2026, 10:00 WIB

beforeAll(async () => {
  server = await startTestServer({ now: () => now });
});
afterEach(() => expect(violations).toEqual([]));
afterAll(() => server?.close());

/** A PDF; `note` makes other bytes (a revision must send another file than the rejected one). */
const pdf = (note = '') =>
  new File([Buffer.from(`%PDF-1.4\n%${note}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`)], 'dokumen.pdf', {
    type: 'application/pdf',
  });

describe('an application, draft to completed', () => {
  it('goes through every step and the citizen sees each change', async () => {
    const citizen = createLoketClient({
      baseUrl: server.url,
      region: '33.74',
      fetch: contractCheckingFetch(violations),
    });
    const { token } = await createOfficerToken(server.db, {
      name: 'Uji Dukcapil Semarang',
      agency: 'dukcapil',
      region: '33.74',
    });
    const officer = createLoketOfficerClient({
      baseUrl: server.url,
      token,
      fetch: contractCheckingFetch(violations),
    });

    const form = await citizen.getServiceForm('ktp-el-hilang');
    expect(form.steps.length).toBeGreaterThan(1);

    // The citizen's device: its storage outlives a session, as localStorage outlives a page.
    const core = createLoketCore({ baseUrl: server.url, fetch: contractCheckingFetch(violations) });
    const storage = memoryStorage();
    const open = () => createApplicationSession({ core, service: 'ktp-el-hilang', region: '33.74', storage });
    const app = open();
    await app.start();
    const answers = {
      nama_lengkap: 'Siti Aminah',
      nik: '3374015708900001',
      telepon: '0812-3456-7890',
      tanggal_kehilangan: '2026-03-01',
      pernyataan_benar: true,
    };
    for (const [field, value] of Object.entries(answers)) app.setAnswer(field, value);
    await app.flush();
    expect(app.snapshot.sync).toBe('saved');
    const created = app.snapshot.key as { code: string; secret: string };
    for (const field of ['surat_keterangan_kehilangan', 'kartu_keluarga']) await app.upload(field, pdf());

    await app.submit();
    expect(app.snapshot.submitted?.status).toBe('submitted');
    app.dispose();

    const queue = await officer.listApplications({ status: 'submitted' });
    expect(queue.data.map((a) => a.code)).toContain(created.code);
    await officer.transition(created.code, { to: 'in_review' });
    await officer.transition(created.code, {
      to: 'needs_revision',
      fields: ['kartu_keluarga'],
      public_note: 'Foto KK buram, unggah ulang.',
    });

    const revision = await citizen.getApplicationStatus(created.code, created.secret);
    expect(revision.status).toBe('needs_revision');
    expect(revision.revision_fields.map((f) => f.id)).toEqual(['kartu_keluarga']);
    expect(revision.history.at(-1)?.note).toBe('Foto KK buram, unggah ulang.');

    // The citizen comes back (a new session on the same device): it learns of the revision and
    // reads the server copy; only the named field may change.
    const fix = open();
    await fix.start();
    expect(fix.snapshot).toMatchObject({
      status: 'needs_revision',
      revision: { fields: ['kartu_keluarga'] },
    });
    const { etag } = await citizen.getApplication(created.code, created.secret);
    const locked = await citizen
      .saveAnswers(created.code, created.secret, { nama_lengkap: 'Siti A.' }, etag)
      .catch((e: unknown) => e);
    expect(isLoketApiError(locked) && locked.status).toBe(409);
    const old = fix.snapshot.attachments.find((a) => a.field === 'kartu_keluarga');
    if (old) await fix.removeAttachment('kartu_keluarga', old.id);
    await fix.upload('kartu_keluarga', pdf('a clearer scan'));
    await fix.submit();
    expect(fix.snapshot.submitted?.status).toBe('submitted');
    fix.dispose();

    await officer.transition(created.code, { to: 'in_review' });
    const done = await officer.transition(created.code, {
      to: 'completed',
      public_note: 'KTP-el siap diambil.',
    });
    expect(done.history.map((h) => h.to)).toEqual([
      'draft',
      'submitted',
      'in_review',
      'needs_revision',
      'submitted',
      'in_review',
      'completed',
    ]);
    const final = await citizen.getApplicationStatus(created.code, created.secret);
    expect(final.status).toBe('completed');
    expect(final.overdue).toBe(false);
    expect(JSON.stringify(final)).not.toContain('3374015708900001');
  });
});

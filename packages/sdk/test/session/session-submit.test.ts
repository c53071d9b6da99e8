import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  fillIn,
  newDevice,
  pdfFile,
  person,
  SERVICE,
  type SessionHarness,
  sessionHarness,
  until,
} from './helpers.js';

// Real requests to a real server (and waits for the session's own retries): more time than a unit test.
vi.setConfig({ testTimeout: 20_000 });

let h: SessionHarness;
beforeAll(async () => {
  h = await sessionHarness();
}, 60_000);
afterEach(() => h.reset());
afterAll(() => h?.close());

describe('files', () => {
  it('uploads a file (creating the draft first), adds its id to the answer and keeps the ETag right', async () => {
    const device = newDevice();
    const session = h.open(device);
    await session.start();
    // Its progress (XMLHttpRequest, so browsers only) is tested in the components' session-upload.e2e.ts.
    const attachment = await session.upload('surat_keterangan_kehilangan', pdfFile());
    expect(attachment).toMatchObject({
      field: 'surat_keterangan_kehilangan',
      content_type: 'application/pdf',
    });
    expect(session.snapshot.answers).toEqual({ surat_keterangan_kehilangan: [attachment.id] });
    expect(session.snapshot.attachments.map((a) => a.id)).toEqual([attachment.id]);
    // The next save goes through with the ETag the upload returned.
    session.setAnswer('nama_lengkap', 'Siti Aminah');
    await session.flush();
    expect(session.snapshot.sync).toBe('saved');

    await session.removeAttachment('surat_keterangan_kehilangan', attachment.id);
    expect(session.snapshot.answers).toEqual({ nama_lengkap: 'Siti Aminah' });
    expect(session.snapshot.attachments).toEqual([]);
    session.setAnswer('nik', '3374015505900001');
    await session.flush();
    expect(session.snapshot.sync).toBe('saved');
  });

  it('an upload that fails can be retried', async () => {
    const session = h.open(newDevice());
    await session.start();
    session.setAnswer('nama_lengkap', 'Siti Aminah');
    await session.flush();
    h.net.fault({ url: '/attachments', when: 'before', times: 1 });
    await expect(session.upload('kartu_keluarga', pdfFile('kk.pdf'))).rejects.toMatchObject({ status: 0 });
    expect(session.snapshot.attachments).toEqual([]);
    const attachment = await session.upload('kartu_keluarga', pdfFile('kk.pdf'));
    expect(session.snapshot.answers).toMatchObject({ kartu_keluarga: [attachment.id] });
  });
});

describe('submitting', () => {
  it('submits, then keeps only the code and the confirmation on this device', async () => {
    const device = newDevice();
    const session = h.open(device);
    await session.start();
    await fillIn(session);
    await session.submit();
    expect(session.snapshot.submit).toBe('done');
    expect(session.snapshot.submitted).toMatchObject({ status: 'submitted', code: device.keyOf().code });
    expect(device.record()).toMatchObject({ answers: {}, attachments: [], submission: null });
    expect(JSON.stringify(device.record())).not.toContain(person.nik);

    const reloaded = h.open(device);
    await reloaded.start();
    expect(reloaded.snapshot).toMatchObject({ submit: 'done', status: 'submitted' });
    expect(reloaded.snapshot.submitted?.code).toBe(device.keyOf().code);
    reloaded.forget();
    expect(device.record()).toBeNull();
    expect(reloaded.snapshot).toMatchObject({ key: null, submit: 'idle', answers: {} });
  });

  it('submits exactly once when the response is lost', async () => {
    const device = newDevice();
    const session = h.open(device);
    await session.start();
    await fillIn(session);
    h.net.fault({ url: '/submit', when: 'after', times: 1 });
    await session.submit();
    expect(session.snapshot.submit).toBe('done');
    expect(await h.submissions(device.keyOf().code)).toBe(1);
  });

  it('waits while every attempt fails, then submits once with the same key', async () => {
    const device = newDevice();
    const session = h.open(device);
    await session.start();
    await fillIn(session);
    const { code } = device.keyOf();
    const before = await h.countApplications(SERVICE, 'submitted');
    // The server submits it, but no answer ever comes back.
    h.net.fault({ url: '/submit', when: 'after' });
    await session.submit();
    expect(session.snapshot).toMatchObject({ submit: 'waiting', online: false });
    const key = device.record()?.submission;
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect((await h.officerView(code)).status).toBe('submitted');

    // A reload while waiting: the same key goes out again.
    session.dispose();
    const reloaded = h.open(device);
    await reloaded.start();
    expect(device.record()?.submission).toBe(key);
    h.net.clear();
    h.net.online();
    await until(reloaded, (s) => s.submit === 'done');
    expect(reloaded.snapshot.submitted?.status).toBe('submitted');
    expect(await h.submissions(code)).toBe(1);
    expect(await h.countApplications(SERVICE, 'submitted')).toBe(before + 1);
  });

  it('sends the news channels chosen, and the same ones again when a lost submission is retried after a reload', async () => {
    const device = newDevice();
    const session = h.open(device);
    await session.start();
    await fillIn(session);
    const { code } = device.keyOf();
    h.net.fault({ url: '/submit', when: 'after' });
    await session.submit({ notify: ['email'] });
    expect(session.snapshot.submit).toBe('waiting');
    expect(device.record()?.notify).toEqual(['email']);
    session.dispose();
    // The retry is the same request (its body is part of the idempotency fingerprint: another
    // body under the same key would be refused); a choice made now does not change it.
    const reloaded = h.open(device);
    await reloaded.start();
    h.net.clear();
    await reloaded.submit({ notify: [] });
    await until(reloaded, (s) => s.submit === 'done');
    const [row] = await h.server.db.query<{ notify: string[] | null }>(
      'select notify from application where code = $1',
      [code.replace(/-/g, '').replace(/^LKT/, '')],
    );
    expect(row?.notify).toEqual(['email']);
  });

  it('a refused submission (422) names the missing answers and clears its key', async () => {
    const device = newDevice();
    const session = h.open(device);
    await session.start();
    session.setAnswer('nama_lengkap', 'Siti Aminah');
    await session.submit();
    expect(session.snapshot.submit).toBe('refused');
    expect(session.snapshot.problem?.status).toBe(422);
    expect(session.snapshot.problem?.errors.map((e) => e.pointer)).toContain('/answers/nik');
    expect(device.record()).toMatchObject({ submission: null, answers: { nama_lengkap: 'Siti Aminah' } });
  });

  it('two tabs submitting the same application submit it once', async () => {
    const device = newDevice();
    const first = h.open(device);
    await first.start();
    await fillIn(first);
    const second = h.open(device);
    await second.start();
    await Promise.all([first.submit(), second.submit()]);
    expect(first.snapshot.submit).toBe('done');
    expect(second.snapshot.submit).toBe('done');
    expect(await h.submissions(device.keyOf().code)).toBe(1);
  });
});

describe('revision', () => {
  it('shows the fields and the note the officer asked to fix, takes the fix, and resubmits', async () => {
    const phone = newDevice();
    const session = h.open(phone);
    await session.start();
    await fillIn(session);
    await session.submit();
    const { code } = phone.keyOf();
    await h.officerMoves(code, { to: 'in_review' });
    await h.officerMoves(code, {
      to: 'needs_revision',
      public_note: 'Nomor HP tidak dapat dihubungi.',
      fields: ['telepon'],
    });

    // The tracker's "fix it" link, opened on another device.
    const laptop = newDevice();
    const fix = h.open(laptop);
    await fix.start(phone.keyOf());
    expect(fix.snapshot).toMatchObject({
      status: 'needs_revision',
      revision: { fields: ['telepon'], note: 'Nomor HP tidak dapat dihubungi.' },
      submit: 'idle',
    });
    expect(fix.snapshot.answers).toMatchObject({ nama_lengkap: 'Siti Aminah', telepon: '+6281234567890' });
    fix.setAnswer('telepon', '085712345678');
    await fix.flush();
    expect(fix.snapshot.sync).toBe('saved');
    await fix.submit();
    expect(fix.snapshot.submitted?.status).toBe('submitted');
    const officer = await h.officerView(code);
    expect(officer.answers.telepon).toBe('+6285712345678'); // stored normalized
    expect(officer.history.filter((e) => e.to === 'submitted')).toHaveLength(2);

    // The first device, reloaded, learns of the revision from the status alone.
    await h.officerMoves(code, { to: 'in_review' });
    await h.officerMoves(code, {
      to: 'needs_revision',
      public_note: 'Foto KK buram.',
      fields: ['kartu_keluarga'],
    });
    const reloaded = h.open(phone);
    await reloaded.start();
    expect(reloaded.snapshot).toMatchObject({
      status: 'needs_revision',
      submit: 'idle',
      revision: { fields: ['kartu_keluarga'], note: 'Foto KK buram.' },
    });
    const [old] = reloaded.snapshot.attachments.filter((a) => a.field === 'kartu_keluarga');
    await reloaded.removeAttachment('kartu_keluarga', old?.id as string);
    await reloaded.upload('kartu_keluarga', pdfFile('kk-jelas.pdf', 'another scan')); // not the rejected file
    await reloaded.submit();
    expect(reloaded.snapshot.submit).toBe('done');
    expect(await h.submissions(code)).toBe(3);
  });
});

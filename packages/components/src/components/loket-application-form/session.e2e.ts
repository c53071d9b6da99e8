import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import {
  DeviceStorage,
  disposeSessions,
  fillIn,
  officerMoves,
  officerView,
  openSession,
  pdfFile,
  person,
  SERVICE,
  submissions,
  until,
} from '../../../test/session';
import type { ApplicationKey } from '../../utils/application-link';

beforeAll(() => commands.allowOrigin('35.78', location.origin));
afterEach(async () => {
  disposeSessions();
  await commands.clearNetworkFaults();
});

const keyOf = (storage: DeviceStorage) => storage.record()?.key as ApplicationKey;

describe('saving', () => {
  it('creates the server draft with the first answer and keeps its key on this device', async () => {
    const device = new DeviceStorage();
    const session = openSession(device);
    await session.start();
    expect(session.snapshot.sync).toBe('empty');
    expect(session.snapshot.key).toBeNull();

    session.setAnswer('nama_lengkap', 'Siti Aminah');
    // On this device at once, before any request.
    expect(device.record()).toMatchObject({
      answers: { nama_lengkap: 'Siti Aminah' },
      dirty: ['nama_lengkap'],
    });
    expect(session.snapshot.sync).toBe('saving');

    const saved = await until(session, (s) => s.sync === 'saved');
    expect(saved.key?.code).toMatch(/^[A-Z0-9-]{8,20}$/);
    expect(saved.status).toBe('draft');
    expect(device.record()).toMatchObject({ key: saved.key, dirty: [] });
    const server = await openSession(new DeviceStorage());
    await server.start(saved.key as ApplicationKey);
    expect(server.snapshot.answers).toEqual({ nama_lengkap: 'Siti Aminah' });
  });

  it('sends only the changed fields, after typing pauses, one request at a time', async () => {
    const device = new DeviceStorage();
    const session = openSession(device);
    await session.start();
    session.setAnswer('nama_lengkap', 'Siti');
    await session.flush();
    for (const value of ['Siti A', 'Siti Am', 'Siti Aminah']) session.setAnswer('nama_lengkap', value);
    session.setAnswer('telepon', '081234567890');
    session.setAnswer('telepon', null);
    expect(session.snapshot.sync).toBe('saving');
    await until(session, (s) => s.sync === 'saved');
    const other = openSession(new DeviceStorage());
    await other.start(keyOf(device));
    expect(other.snapshot.answers).toEqual({ nama_lengkap: 'Siti Aminah' });
  });

  it('a reload (a new session on the same device) brings back the answers and the place', async () => {
    const device = new DeviceStorage();
    const first = openSession(device);
    await first.start();
    first.setAnswer('nama_lengkap', 'Siti Aminah');
    first.setAnswer('nik', '3374015505900001');
    first.setPlace('kehilangan');
    first.dispose(); // the page went away before the debounced save

    const reloaded = openSession(device);
    await reloaded.start();
    expect(reloaded.snapshot.answers).toEqual({ nama_lengkap: 'Siti Aminah', nik: '3374015505900001' });
    expect(reloaded.snapshot.place).toBe('kehilangan');
    // The unsaved answers still go to the server.
    const saved = await until(reloaded, (s) => s.sync === 'saved' && s.key !== null);
    const other = openSession(new DeviceStorage());
    await other.start(saved.key as ApplicationKey);
    expect(other.snapshot.answers).toEqual({ nama_lengkap: 'Siti Aminah', nik: '3374015505900001' });
  });

  it('another device resumes by the key (a resume link) and makes it its own record', async () => {
    const phone = new DeviceStorage();
    const first = openSession(phone);
    await first.start();
    first.setAnswer('nama_lengkap', 'Siti Aminah');
    await first.flush();

    const laptop = new DeviceStorage();
    const second = openSession(laptop);
    await second.start(keyOf(phone));
    expect(second.snapshot).toMatchObject({ key: keyOf(phone), status: 'draft', sync: 'saved' });
    expect(second.snapshot.answers).toEqual({ nama_lengkap: 'Siti Aminah' });
    expect(laptop.record()).toMatchObject({ key: keyOf(phone) });
    // Its next start needs no link.
    const again = openSession(laptop);
    await again.start();
    expect(again.snapshot.answers).toEqual({ nama_lengkap: 'Siti Aminah' });
  });

  it('rejects an unknown key (404) and keeps what this device had', async () => {
    const device = new DeviceStorage();
    const session = openSession(device);
    await session.start();
    session.setAnswer('nama_lengkap', 'Siti Aminah');
    await session.flush();
    const before = device.record();
    await expect(session.start({ code: 'LKT-0000-0000', secret: 'nope' })).rejects.toMatchObject({
      status: 404,
    });
    expect(device.record()).toEqual(before);
  });

  it('merges a conflict (412): the other device keeps its answers, this one its changes', async () => {
    const phone = new DeviceStorage();
    const first = openSession(phone);
    await first.start();
    first.setAnswer('nama_lengkap', 'Siti');
    await first.flush();

    const laptop = openSession(new DeviceStorage());
    await laptop.start(keyOf(phone));
    laptop.setAnswer('telepon', '081234567890');
    await laptop.flush();
    expect(laptop.snapshot.sync).toBe('saved');

    // The phone still holds the older ETag: its save is a 412, merged and saved again.
    first.setAnswer('nama_lengkap', 'Siti Aminah');
    await first.flush();
    expect(first.snapshot.sync).toBe('saved');
    expect(first.snapshot.answers).toEqual({ nama_lengkap: 'Siti Aminah', telepon: '081234567890' });
    const officerless = openSession(new DeviceStorage());
    await officerless.start(keyOf(phone));
    expect(officerless.snapshot.answers).toEqual({ nama_lengkap: 'Siti Aminah', telepon: '081234567890' });
  });

  it('a reload merges the server copy under this device’s unsaved answers', async () => {
    const phone = new DeviceStorage();
    const first = openSession(phone);
    await first.start();
    first.setAnswer('nama_lengkap', 'Siti');
    await first.flush();
    const laptop = openSession(new DeviceStorage());
    await laptop.start(keyOf(phone));
    laptop.setAnswer('telepon', '081234567890');
    await laptop.flush();
    first.setAnswer('nama_lengkap', 'Siti Aminah');
    first.dispose();

    const reloaded = openSession(phone);
    await reloaded.start();
    expect(reloaded.snapshot.answers).toEqual({ nama_lengkap: 'Siti Aminah', telepon: '081234567890' });
    await until(reloaded, (s) => s.sync === 'saved');
  });
});

describe('offline', () => {
  it('keeps every answer on this device while the network is down, and saves when it returns', async () => {
    const device = new DeviceStorage();
    const session = openSession(device);
    await session.start();
    session.setAnswer('nama_lengkap', 'Siti');
    await session.flush();

    await commands.networkFault({ url: '/v1/applications/', when: 'before' });
    session.setAnswer('nama_lengkap', 'Siti Aminah');
    session.setAnswer('nik', '3374015505900001');
    await session.flush();
    expect(session.snapshot).toMatchObject({ sync: 'local', online: false });
    expect(device.record()).toMatchObject({
      answers: { nama_lengkap: 'Siti Aminah', nik: '3374015505900001' },
      dirty: ['nama_lengkap', 'nik'],
    });

    // A reload while offline loses nothing either.
    session.dispose();
    const reloaded = openSession(device);
    await reloaded.start();
    expect(reloaded.snapshot).toMatchObject({
      sync: 'local',
      online: false,
      answers: { nama_lengkap: 'Siti Aminah', nik: '3374015505900001' },
    });

    await commands.clearNetworkFaults();
    window.dispatchEvent(new Event('online'));
    await until(reloaded, (s) => s.sync === 'saved' && s.online);
    const other = openSession(new DeviceStorage());
    await other.start(keyOf(device));
    expect(other.snapshot.answers).toEqual({ nama_lengkap: 'Siti Aminah', nik: '3374015505900001' });
  });

  it('retries by itself with backoff, without an online event', async () => {
    const device = new DeviceStorage();
    const session = openSession(device);
    await session.start();
    await commands.networkFault({ url: '/v1/applications', when: 'before', times: 1 });
    session.setAnswer('nama_lengkap', 'Siti Aminah');
    await session.flush();
    expect(session.snapshot.sync).toBe('local');
    // The first retry comes 2 s later.
    await until(session, (s) => s.sync === 'saved' && s.key !== null, 6_000);
  });

  it('a refused save (422) says why and keeps the answer on this device', async () => {
    const device = new DeviceStorage();
    const session = openSession(device);
    await session.start();
    session.setAnswer('nama_lengkap', 'Siti');
    await session.flush();
    session.setAnswer('pernyataan_benar', 'ya'); // a checkbox takes true or false
    await session.flush();
    expect(session.snapshot.sync).toBe('refused');
    expect(session.snapshot.problem?.status).toBe(422);
    expect(session.snapshot.problem?.errors.map((e) => e.pointer)).toEqual(['/answers/pernyataan_benar']);
    expect(device.record()).toMatchObject({ answers: { pernyataan_benar: 'ya' } });
    session.setAnswer('pernyataan_benar', true);
    await session.flush();
    expect(session.snapshot).toMatchObject({ sync: 'saved', problem: null });
  });
});

describe('files', () => {
  it('uploads a file (creating the draft first), adds its id to the answer and keeps the ETag right', async () => {
    const device = new DeviceStorage();
    const session = openSession(device);
    await session.start();
    const progress: number[] = [];
    const attachment = await session.upload('surat_keterangan_kehilangan', pdfFile(), {
      onProgress: (p) => progress.push(p.percent),
    });
    expect(progress.at(-1)).toBe(1);
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
    const session = openSession(new DeviceStorage());
    await session.start();
    session.setAnswer('nama_lengkap', 'Siti Aminah');
    await session.flush();
    await commands.networkFault({ url: '/attachments', when: 'before', times: 1 });
    await expect(session.upload('kartu_keluarga', pdfFile('kk.pdf'))).rejects.toMatchObject({ status: 0 });
    expect(session.snapshot.attachments).toEqual([]);
    const attachment = await session.upload('kartu_keluarga', pdfFile('kk.pdf'));
    expect(session.snapshot.answers).toMatchObject({ kartu_keluarga: [attachment.id] });
  });
});

describe('submitting', () => {
  it('submits, then keeps only the code and the confirmation on this device', async () => {
    const device = new DeviceStorage();
    const session = openSession(device);
    await session.start();
    await fillIn(session);
    await session.submit();
    expect(session.snapshot.submit).toBe('done');
    expect(session.snapshot.submitted).toMatchObject({ status: 'submitted', code: keyOf(device).code });
    expect(device.record()).toMatchObject({ answers: {}, attachments: [], submission: null });
    expect(JSON.stringify(device.record())).not.toContain(person.nik);

    const reloaded = openSession(device);
    await reloaded.start();
    expect(reloaded.snapshot).toMatchObject({ submit: 'done', status: 'submitted' });
    expect(reloaded.snapshot.submitted?.code).toBe(keyOf(device).code);
    reloaded.forget();
    expect(device.record()).toBeNull();
    expect(reloaded.snapshot).toMatchObject({ key: null, submit: 'idle', answers: {} });
  });

  it('submits exactly once when the response is lost', async () => {
    const device = new DeviceStorage();
    const session = openSession(device);
    await session.start();
    await fillIn(session);
    await commands.networkFault({ url: '/submit', when: 'after', times: 1 });
    await session.submit();
    expect(session.snapshot.submit).toBe('done');
    expect(await submissions(keyOf(device).code)).toBe(1);
  });

  it('waits while every attempt fails, then submits once with the same key', async () => {
    const device = new DeviceStorage();
    const session = openSession(device);
    await session.start();
    await fillIn(session);
    const { code } = keyOf(device);
    const before = await commands.countApplications(SERVICE, 'submitted');
    // The server submits it, but no answer ever comes back.
    await commands.networkFault({ url: '/submit', when: 'after' });
    await session.submit();
    expect(session.snapshot).toMatchObject({ submit: 'waiting', online: false });
    const key = device.record()?.submission;
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect((await officerView(code)).status).toBe('submitted');

    // A reload while waiting: the same key goes out again.
    session.dispose();
    const reloaded = openSession(device);
    await reloaded.start();
    expect(device.record()?.submission).toBe(key);
    await commands.clearNetworkFaults();
    window.dispatchEvent(new Event('online'));
    await until(reloaded, (s) => s.submit === 'done');
    expect(reloaded.snapshot.submitted?.status).toBe('submitted');
    expect(await submissions(code)).toBe(1);
    expect(await commands.countApplications(SERVICE, 'submitted')).toBe(before + 1);
  });

  it('a refused submission (422) names the missing answers and clears its key', async () => {
    const device = new DeviceStorage();
    const session = openSession(device);
    await session.start();
    session.setAnswer('nama_lengkap', 'Siti Aminah');
    await session.submit();
    expect(session.snapshot.submit).toBe('refused');
    expect(session.snapshot.problem?.status).toBe(422);
    expect(session.snapshot.problem?.errors.map((e) => e.pointer)).toContain('/answers/nik');
    expect(device.record()).toMatchObject({ submission: null, answers: { nama_lengkap: 'Siti Aminah' } });
  });

  it('two tabs submitting the same application submit it once', async () => {
    const device = new DeviceStorage();
    const first = openSession(device);
    await first.start();
    await fillIn(first);
    const second = openSession(device);
    await second.start();
    await Promise.all([first.submit(), second.submit()]);
    expect(first.snapshot.submit).toBe('done');
    expect(second.snapshot.submit).toBe('done');
    expect(await submissions(keyOf(device).code)).toBe(1);
  });
});

describe('revision', () => {
  it('shows the fields and the note the officer asked to fix, takes the fix, and resubmits', async () => {
    const phone = new DeviceStorage();
    const session = openSession(phone);
    await session.start();
    await fillIn(session);
    await session.submit();
    const { code } = keyOf(phone);
    await officerMoves(code, { to: 'in_review' });
    await officerMoves(code, {
      to: 'needs_revision',
      public_note: 'Nomor HP tidak dapat dihubungi.',
      fields: ['telepon'],
    });

    // The tracker's "fix it" link, opened on another device.
    const laptop = new DeviceStorage();
    const fix = openSession(laptop);
    await fix.start(keyOf(phone));
    expect(fix.snapshot).toMatchObject({
      status: 'needs_revision',
      revision: { fields: ['telepon'], note: 'Nomor HP tidak dapat dihubungi.' },
      submit: 'idle',
    });
    expect(fix.snapshot.answers).toMatchObject({ nama_lengkap: 'Siti Aminah', telepon: '081234567890' });
    fix.setAnswer('telepon', '085712345678');
    await fix.flush();
    expect(fix.snapshot.sync).toBe('saved');
    await fix.submit();
    expect(fix.snapshot.submitted?.status).toBe('submitted');
    const officer = await officerView(code);
    expect(officer.answers.telepon).toBe('085712345678');
    expect(officer.history.filter((e) => e.to === 'submitted')).toHaveLength(2);

    // The first device, reloaded, learns of the revision from the status alone.
    await officerMoves(code, { to: 'in_review' });
    await officerMoves(code, {
      to: 'needs_revision',
      public_note: 'Foto KK buram.',
      fields: ['kartu_keluarga'],
    });
    const reloaded = openSession(phone);
    await reloaded.start();
    expect(reloaded.snapshot).toMatchObject({
      status: 'needs_revision',
      submit: 'idle',
      revision: { fields: ['kartu_keluarga'], note: 'Foto KK buram.' },
    });
    const [old] = reloaded.snapshot.attachments.filter((a) => a.field === 'kartu_keluarga');
    await reloaded.removeAttachment('kartu_keluarga', old?.id as string);
    await reloaded.upload('kartu_keluarga', pdfFile('kk-jelas.pdf'));
    await reloaded.submit();
    expect(reloaded.snapshot.submit).toBe('done');
    expect(await submissions(code)).toBe(3);
  });
});

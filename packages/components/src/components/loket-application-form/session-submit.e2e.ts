import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { officerMoves, officerView, submissions } from '../../../test/officer';
import {
  DeviceStorage,
  disposeSessions,
  fillIn,
  openSession,
  pdfFile,
  person,
  SERVICE,
  until,
} from '../../../test/session';
import type { ApplicationKey } from '../../utils/application-link';

beforeAll(() => commands.allowOrigin('35.78', location.origin));
afterEach(async () => {
  disposeSessions();
  await commands.clearNetworkFaults();
});

const keyOf = (storage: DeviceStorage) => storage.record()?.key as ApplicationKey;

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

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApplicationKey } from '../../src/session/index.js';
import { newDevice, type SessionHarness, sessionHarness, until } from './helpers.js';

// Real requests to a real server (and waits for the session's own retries): more time than a unit test.
vi.setConfig({ testTimeout: 20_000 });

let h: SessionHarness;
beforeAll(async () => {
  h = await sessionHarness();
}, 60_000);
afterEach(() => h.reset());
afterAll(() => h?.close());

describe('saving', () => {
  it('creates the server draft with the first answer and keeps its key on this device', async () => {
    const device = newDevice();
    const session = h.open(device);
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
    const server = await h.open(newDevice());
    await server.start(saved.key as ApplicationKey);
    expect(server.snapshot.answers).toEqual({ nama_lengkap: 'Siti Aminah' });
  });

  it('sends only the changed fields, after typing pauses, one request at a time', async () => {
    const device = newDevice();
    const session = h.open(device);
    await session.start();
    session.setAnswer('nama_lengkap', 'Siti');
    await session.flush();
    for (const value of ['Siti A', 'Siti Am', 'Siti Aminah']) session.setAnswer('nama_lengkap', value);
    session.setAnswer('telepon', '081234567890');
    session.setAnswer('telepon', null);
    expect(session.snapshot.sync).toBe('saving');
    await until(session, (s) => s.sync === 'saved');
    const other = h.open(newDevice());
    await other.start(device.keyOf());
    expect(other.snapshot.answers).toEqual({ nama_lengkap: 'Siti Aminah' });
  });

  it('a reload (a new session on the same device) brings back the answers and the place', async () => {
    const device = newDevice();
    const first = h.open(device);
    await first.start();
    first.setAnswer('nama_lengkap', 'Siti Aminah');
    first.setAnswer('nik', '3374015505900001');
    first.setPlace('kehilangan');
    first.dispose(); // the page went away before the debounced save

    const reloaded = h.open(device);
    await reloaded.start();
    expect(reloaded.snapshot.answers).toEqual({ nama_lengkap: 'Siti Aminah', nik: '3374015505900001' });
    expect(reloaded.snapshot.place).toBe('kehilangan');
    // The unsaved answers still go to the server.
    const saved = await until(reloaded, (s) => s.sync === 'saved' && s.key !== null);
    const other = h.open(newDevice());
    await other.start(saved.key as ApplicationKey);
    expect(other.snapshot.answers).toEqual({ nama_lengkap: 'Siti Aminah', nik: '3374015505900001' });
  });

  it('another device resumes by the key (a resume link) and makes it its own record', async () => {
    const phone = newDevice();
    const first = h.open(phone);
    await first.start();
    first.setAnswer('nama_lengkap', 'Siti Aminah');
    await first.flush();

    const laptop = newDevice();
    const second = h.open(laptop);
    await second.start(phone.keyOf());
    expect(second.snapshot).toMatchObject({ key: phone.keyOf(), status: 'draft', sync: 'saved' });
    expect(second.snapshot.answers).toEqual({ nama_lengkap: 'Siti Aminah' });
    expect(laptop.record()).toMatchObject({ key: phone.keyOf() });
    // Its next start needs no link.
    const again = h.open(laptop);
    await again.start();
    expect(again.snapshot.answers).toEqual({ nama_lengkap: 'Siti Aminah' });
  });

  it('rejects an unknown key (404) and keeps what this device had', async () => {
    const device = newDevice();
    const session = h.open(device);
    await session.start();
    session.setAnswer('nama_lengkap', 'Siti Aminah');
    await session.flush();
    const before = device.record();
    await expect(session.start({ code: 'LKT-0000-0000', secret: 'nope' })).rejects.toMatchObject({
      status: 404,
    });
    expect(device.record()).toEqual(before);
  });

  it('refuses a link to an application of another form (service), like an unknown one', async () => {
    const other = newDevice();
    const rusak = h.open(other, 'ktp-el-rusak');
    await rusak.start();
    rusak.setAnswer('nama_lengkap', 'Siti Aminah');
    await rusak.flush();
    const key = rusak.snapshot.key as ApplicationKey;
    expect(key).not.toBeNull();

    const device = newDevice();
    const session = h.open(device);
    await expect(session.start(key)).rejects.toMatchObject({ status: 404 });
    expect(device.record()).toBeNull();
  });

  it('a draft the server no longer has (404): keeps the answers and makes a new draft', async () => {
    const device = newDevice();
    const first = h.open(device);
    await first.start();
    first.setAnswer('nama_lengkap', 'Siti Aminah');
    await first.flush();
    first.dispose();
    // The draft was purged on the server meanwhile (as unchanged drafts are): its key is unknown.
    const record = device.record() as Record<string, unknown>;
    device.setItem(
      'loket:application:v1:ktp-el-hilang:35.78',
      JSON.stringify({ ...record, key: { code: 'LKT-ZZZZ-ZZZZ', secret: 'gone' } }),
    );

    const reloaded = h.open(device);
    await reloaded.start();
    expect(reloaded.snapshot.answers).toEqual({ nama_lengkap: 'Siti Aminah' });
    const saved = await until(reloaded, (s) => s.sync === 'saved' && s.key !== null);
    expect(saved.key?.code).not.toBe('LKT-ZZZZ-ZZZZ');
    const other = h.open(newDevice());
    await other.start(saved.key as ApplicationKey);
    expect(other.snapshot.answers).toEqual({ nama_lengkap: 'Siti Aminah' });
  });

  it('works in memory when the storage refuses every write (private mode, full)', async () => {
    const full = newDevice();
    full.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const session = h.open(full);
    await session.start();
    session.setAnswer('nama_lengkap', 'Siti Aminah');
    session.setPlace('pemohon');
    expect(session.snapshot).toMatchObject({ answers: { nama_lengkap: 'Siti Aminah' }, place: 'pemohon' });
    await session.flush();
    expect(session.snapshot.sync).toBe('saved');
    expect(session.snapshot.key).not.toBeNull();
  });

  it('merges a conflict (412): the other device keeps its answers, this one its changes', async () => {
    const phone = newDevice();
    const first = h.open(phone);
    await first.start();
    first.setAnswer('nama_lengkap', 'Siti');
    await first.flush();

    const laptop = h.open(newDevice());
    await laptop.start(phone.keyOf());
    laptop.setAnswer('telepon', '081234567890');
    await laptop.flush();
    expect(laptop.snapshot.sync).toBe('saved');

    // The phone still holds the older ETag: its save is a 412, merged and saved again.
    first.setAnswer('nama_lengkap', 'Siti Aminah');
    await first.flush();
    expect(first.snapshot.sync).toBe('saved');
    // the server stores the phone normalized (forms/numbers.ts)
    expect(first.snapshot.answers).toEqual({ nama_lengkap: 'Siti Aminah', telepon: '+6281234567890' });
    const officerless = h.open(newDevice());
    await officerless.start(phone.keyOf());
    expect(officerless.snapshot.answers).toEqual({ nama_lengkap: 'Siti Aminah', telepon: '+6281234567890' });
  });

  it('a reload merges the server copy under this device’s unsaved answers', async () => {
    const phone = newDevice();
    const first = h.open(phone);
    await first.start();
    first.setAnswer('nama_lengkap', 'Siti');
    await first.flush();
    const laptop = h.open(newDevice());
    await laptop.start(phone.keyOf());
    laptop.setAnswer('telepon', '081234567890');
    await laptop.flush();
    first.setAnswer('nama_lengkap', 'Siti Aminah');
    first.dispose();

    const reloaded = h.open(phone);
    await reloaded.start();
    expect(reloaded.snapshot.answers).toEqual({ nama_lengkap: 'Siti Aminah', telepon: '+6281234567890' });
    await until(reloaded, (s) => s.sync === 'saved');
  });
});

describe('offline', () => {
  it('keeps every answer on this device while the network is down, and saves when it returns', async () => {
    const device = newDevice();
    const session = h.open(device);
    await session.start();
    session.setAnswer('nama_lengkap', 'Siti');
    await session.flush();

    h.net.fault({ url: '/v1/applications/', when: 'before' });
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
    const reloaded = h.open(device);
    await reloaded.start();
    expect(reloaded.snapshot).toMatchObject({
      sync: 'local',
      online: false,
      answers: { nama_lengkap: 'Siti Aminah', nik: '3374015505900001' },
    });

    h.net.clear();
    h.net.online();
    await until(reloaded, (s) => s.sync === 'saved' && s.online);
    const other = h.open(newDevice());
    await other.start(device.keyOf());
    expect(other.snapshot.answers).toEqual({ nama_lengkap: 'Siti Aminah', nik: '3374015505900001' });
  });

  it('retries by itself with backoff, without an online event', async () => {
    const device = newDevice();
    const session = h.open(device);
    await session.start();
    h.net.fault({ url: '/v1/applications', when: 'before', times: 1 });
    session.setAnswer('nama_lengkap', 'Siti Aminah');
    await session.flush();
    expect(session.snapshot.sync).toBe('local');
    // The first retry comes 2 s later.
    await until(session, (s) => s.sync === 'saved' && s.key !== null, 6_000);
  });

  it('a refused save (422) says why and keeps the answer on this device', async () => {
    const device = newDevice();
    const session = h.open(device);
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

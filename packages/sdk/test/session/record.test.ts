import { describe, expect, it } from 'vitest';
import {
  emptyRecord,
  parseRecord,
  RECORD_VERSION,
  recordKey,
  recordStore,
} from '../../src/session/record.js';

/** A Storage over a Map; `full` makes every write throw like a full or blocked localStorage. */
class MapStorage implements Storage {
  readonly items = new Map<string, string>();
  full = false;
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }
}

const KEY = recordKey('ktp-el-hilang', '35.78');
const filled = () => ({
  ...emptyRecord(),
  key: { code: 'LKT-7K4M-Q2XP', secret: 's3cret' },
  etag: '"a1"',
  status: 'draft' as const,
  answers: { nama_lengkap: 'Siti Aminah', kartu_keluarga: ['b7c1'] },
  dirty: ['nama_lengkap'],
  place: 'kehilangan',
  submission: '5f0e2c8a-0c9b-4d3e-9a51-1b2c3d4e5f60',
});

describe('recordKey', () => {
  it('names the service, the region and the version', () => {
    expect(KEY).toBe('loket:application:v1:ktp-el-hilang:35.78');
  });
});

describe('recordStore', () => {
  it('writes every change at once and reads it back in a new store (a reload)', () => {
    const storage = new MapStorage();
    recordStore('ktp-el-hilang', '35.78', storage).write(filled());
    expect(JSON.parse(storage.getItem(KEY) ?? 'null')).toMatchObject({
      v: RECORD_VERSION,
      place: 'kehilangan',
    });
    expect(recordStore('ktp-el-hilang', '35.78', storage).read()).toEqual(filled());
  });

  it('keeps one record per service and region', () => {
    const storage = new MapStorage();
    recordStore('ktp-el-hilang', '35.78', storage).write(filled());
    expect(recordStore('ktp-el-hilang', '31.74', storage).read()).toEqual(emptyRecord());
    expect(recordStore('akta-kelahiran', '35.78', storage).read()).toEqual(emptyRecord());
  });

  it('starts clean from corrupt JSON, another version or a wrong shape, and never throws', () => {
    const storage = new MapStorage();
    const store = recordStore('ktp-el-hilang', '35.78', storage);
    for (const text of [
      '{"v":1,"key":',
      'null',
      '[]',
      JSON.stringify({ ...filled(), v: 2 }),
      JSON.stringify({ ...filled(), v: 0 }),
      JSON.stringify({ ...filled(), answers: [] }),
      JSON.stringify({ ...filled(), dirty: 'nama_lengkap' }),
      JSON.stringify({ ...filled(), key: { code: 'LKT-7K4M-Q2XP' } }),
      JSON.stringify({ ...filled(), revision: { fields: 'nik' } }),
    ]) {
      storage.items.set(KEY, text);
      expect(store.read(), text).toEqual(emptyRecord());
    }
  });

  it('keeps working in memory when the storage refuses a write, and never reads back an older copy', () => {
    const storage = new MapStorage();
    const store = recordStore('ktp-el-hilang', '35.78', storage);
    store.write({ ...filled(), place: 'pemohon' });
    storage.full = true;
    store.write(filled());
    expect(store.persistent).toBe(false);
    expect(store.read()).toEqual(filled());
  });

  it('keeps working in memory when the storage cannot even be read (blocked)', () => {
    const blocked = new MapStorage();
    blocked.getItem = () => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    };
    const store = recordStore('ktp-el-hilang', '35.78', blocked);
    expect(store.read()).toEqual(emptyRecord());
    store.write(filled());
    expect(store.read()).toEqual(filled());
    expect(store.persistent).toBe(false);
  });

  it('remove() forgets the record', () => {
    const storage = new MapStorage();
    const store = recordStore('ktp-el-hilang', '35.78', storage);
    store.write(filled());
    store.remove();
    expect(storage.items.has(KEY)).toBe(false);
    expect(store.read()).toEqual(emptyRecord());
  });
});

describe('parseRecord', () => {
  it('reads what another tab wrote', () => {
    expect(parseRecord(JSON.stringify(filled()))).toEqual(filled());
    expect(parseRecord(null)).toEqual(emptyRecord());
  });
});

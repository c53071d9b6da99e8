import { describe, expect, it } from 'vitest';
import { overlay, patchOf, stillDirty } from '../../src/session/answers.js';

describe('overlay', () => {
  it("puts this device's unsaved answers over the server's, removals included", () => {
    const server = { nama_lengkap: 'Siti', nik: '3578015708900002', telepon: '0812' };
    const local = { nama_lengkap: 'Siti Aminah', email: 'siti@example.id' };
    expect(overlay(server, local, ['nama_lengkap', 'email', 'telepon'])).toEqual({
      nama_lengkap: 'Siti Aminah',
      nik: '3578015708900002',
      email: 'siti@example.id',
    });
  });
});

describe('patchOf', () => {
  it('sends only the unsaved fields, null for a removed one', () => {
    expect(patchOf({ nama_lengkap: 'Siti', nik: '1' }, ['nik', 'email'])).toEqual({ nik: '1', email: null });
  });
});

describe('stillDirty', () => {
  it('keeps the fields that changed again while the save was on its way', () => {
    const sent = { nama_lengkap: 'Siti', email: null, kk: ['a'] };
    const now = { nama_lengkap: 'Siti Aminah', kk: ['a'] };
    expect(stillDirty(now, ['nama_lengkap', 'email', 'kk', 'nik'], sent)).toEqual(['nama_lengkap', 'nik']);
  });
});

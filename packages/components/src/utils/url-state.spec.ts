import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  browsing,
  type FinderState,
  readUrlState,
  sameSearch,
  urlWithState,
  writeUrlState,
} from './url-state';

const empty: FinderState = { q: '', service: null, category: null, agency: null, event: null };

describe('readUrlState', () => {
  it('reads the finder’s parameters and ignores the page’s own', () => {
    expect(
      readUrlState(
        'https://mpp.example.go.id/layanan?p=12&cari=ktp+hilang&layanan=ktp-el-hilang&kategori=civil-registration&instansi=dukcapil&peristiwa=kelahiran',
      ),
    ).toEqual({
      q: 'ktp hilang',
      service: 'ktp-el-hilang',
      category: 'civil-registration',
      agency: 'dukcapil',
      event: 'kelahiran',
    });
  });

  it('browses (life events and categories) only when nothing is searched or filtered', () => {
    expect(browsing(empty)).toBe(true);
    expect(browsing({ ...empty, event: 'kelahiran', service: 'kia' })).toBe(true);
    expect(browsing({ ...empty, q: 'ktp' })).toBe(false);
    expect(browsing({ ...empty, category: 'civil-registration' })).toBe(false);
    expect(browsing({ ...empty, agency: 'dukcapil' })).toBe(false);
  });

  it('gives the empty state for a URL without them, and treats empty values as absent', () => {
    expect(readUrlState('https://mpp.example.go.id/layanan?p=12')).toEqual(empty);
    expect(readUrlState('https://mpp.example.go.id/?layanan=&kategori=')).toEqual(empty);
  });
});

describe('urlWithState', () => {
  it('writes the state next to the page’s parameters and keeps the hash', () => {
    const url = urlWithState('https://mpp.example.go.id/layanan?p=12&lang=id#finder', {
      ...empty,
      q: 'akta lahir',
      service: 'akta-kelahiran',
    });
    const parsed = new URL(url);
    expect(parsed.pathname).toBe('/layanan');
    expect(parsed.hash).toBe('#finder');
    expect(parsed.searchParams.get('p')).toBe('12');
    expect(parsed.searchParams.get('lang')).toBe('id');
    expect(parsed.searchParams.get('cari')).toBe('akta lahir');
    expect(parsed.searchParams.get('layanan')).toBe('akta-kelahiran');
    expect(readUrlState(url)).toEqual({ ...empty, q: 'akta lahir', service: 'akta-kelahiran' });
  });

  it('removes what the state no longer has', () => {
    const url = urlWithState(
      'https://x.test/?cari=ktp&layanan=ktp-el-hilang&kategori=pajak&peristiwa=pensiun&utm_source=wa',
      empty,
    );
    expect(url).toBe('https://x.test/?utm_source=wa');
  });
});

describe('writeUrlState', () => {
  afterEach(() => vi.unstubAllGlobals());

  function fakeWindow(href: string) {
    const calls: [string, string][] = [];
    const loc = { href };
    const record = (kind: string) => (_state: unknown, _title: string, url: string) => {
      calls.push([kind, url]);
      loc.href = url;
    };
    vi.stubGlobal('location', loc);
    vi.stubGlobal('history', { state: null, pushState: record('push'), replaceState: record('replace') });
    return calls;
  }

  it('pushes a step the back button undoes, or replaces the current one', () => {
    const calls = fakeWindow('https://x.test/page?a=1');
    writeUrlState({ ...empty, q: 'ktp' }, 'push');
    writeUrlState({ ...empty, q: 'ktp', category: 'pajak' }, 'replace');
    expect(calls).toEqual([
      ['push', 'https://x.test/page?a=1&cari=ktp'],
      ['replace', 'https://x.test/page?a=1&cari=ktp&kategori=pajak'],
    ]);
  });

  it('adds no history entry when nothing changed', () => {
    const calls = fakeWindow('https://x.test/page?cari=ktp');
    writeUrlState({ ...empty, q: 'ktp' }, 'push');
    expect(calls).toEqual([]);
  });
});

describe('sameSearch', () => {
  it('compares the text and the filters, not the open service', () => {
    const ktp = { ...empty, q: 'ktp', category: 'civil-registration' };
    expect(sameSearch(ktp, { ...ktp, service: 'ktp-el-hilang' })).toBe(true);
    expect(sameSearch(ktp, { ...ktp, q: 'sim' })).toBe(false);
    expect(sameSearch(ktp, { ...ktp, category: null })).toBe(false);
    expect(sameSearch(ktp, { ...ktp, agency: 'dukcapil' })).toBe(false);
  });
});

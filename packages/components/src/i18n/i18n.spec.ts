import { MockDocument } from '@stencil/core/mock-doc';
import { afterEach, describe, expect, it } from 'vitest';
import { finderText } from '../components/loket-service-finder/messages';
import { date, fill, localeOf, plural } from './index';
import { list } from './list';
import { money } from './money';

/** Intl separates "Rp" and the amount with a no-break space; compare with plain spaces. */
const spaced = (text: string) => text.replace(/\u00a0/g, ' ');

describe('plural', () => {
  it('uses the one/other forms of English and the single form of Indonesian', async () => {
    const en = await finderText.load('en');
    const id = finderText.get('id');
    expect(plural('en', en.results.count, 1)).toBe('1 service');
    expect(plural('en', en.results.count, 2)).toBe('2 services');
    expect(plural('en', en.results.count, 0)).toBe('0 services');
    expect(plural('id', id.results.count, 1)).toBe('1 layanan');
    expect(plural('id', id.results.count, 2)).toBe('2 layanan');
  });

  it('formats the count for the locale and fills the other placeholders', () => {
    const id = finderText.get('id');
    expect(plural('id', id.results.countFor, 1234, { q: 'ktp' })).toBe('1.234 layanan untuk “ktp”');
    expect(plural('id', id.duration.days, 14)).toBe('14 hari kerja');
  });

  it('falls back to the other form when a form is missing', () => {
    expect(plural('en', { other: '{n} things' }, 1)).toBe('1 things');
  });
});

describe('fill', () => {
  it('replaces known placeholders and leaves unknown ones visible', () => {
    expect(fill('{name} ({n})', { name: 'Pajak', n: 3 })).toBe('Pajak (3)');
    expect(fill('{a} {b}', { a: 'x' })).toBe('x {b}');
  });
});

describe('money', () => {
  it('writes rupiah as people read them, without decimals', () => {
    expect(spaced(money('id', 30_000))).toBe('Rp 30.000');
    expect(spaced(money('id', 1_250_000))).toBe('Rp 1.250.000');
    expect(spaced(money('id', 30_000.4))).toBe('Rp 30.000');
    expect(money('en', 30_000)).toMatch(/^(Rp|IDR)\s?30[.,]000$/);
  });

  it('says "Gratis" / "Free" for a free service, never "Rp 0"', async () => {
    const { feeText } = await import('../utils/service-format');
    const free = { amount_idr: 0, free: true, has_variants: false };
    expect(feeText('id', finderText.get('id'), free)).toBe('Gratis');
    expect(feeText('en', await finderText.load('en'), free)).toBe('Free');
  });
});

describe('date', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  it('writes a long Indonesian or English date', () => {
    expect(date('id', '2026-11-23')).toBe('23 November 2026');
    expect(date('id', '2026-08-17')).toBe('17 Agustus 2026');
    expect(date('en', '2026-08-17')).toBe('17 August 2026');
  });

  it('reads a date-only string as that calendar day in any time zone', () => {
    for (const zone of ['Pacific/Honolulu', 'Asia/Jakarta', 'Pacific/Kiritimati']) {
      process.env.TZ = zone;
      expect(date('id', '2026-11-23'), zone).toBe('23 November 2026');
    }
  });

  it('takes other options', () => {
    expect(date('id', '2026-11-23', { weekday: 'long' })).toBe('Senin');
  });
});

describe('list', () => {
  it('joins with the locale’s conjunction', () => {
    expect(list('id', ['biaya', 'waktu'])).toBe('biaya dan waktu');
    expect(list('en', ['fee', 'time'])).toBe('fee and time');
  });
});

describe('localeOf', () => {
  const page = (html: string) => new MockDocument(`<!doctype html>${html}`);

  it('reads lang on the element itself first', () => {
    const doc = page('<html lang="id"><body><x-finder id="f" lang="en-GB"></x-finder></body></html>');
    expect(localeOf(doc.getElementById('f') as unknown as Element)).toBe('en');
  });

  it('walks up to the closest ancestor with lang', () => {
    const doc = page(
      '<html lang="en"><body><section lang="id"><div><x-finder id="f"></x-finder></div></section></body></html>',
    );
    expect(localeOf(doc.getElementById('f') as unknown as Element)).toBe('id');
    const other = page('<html lang="EN-us"><body><main><x-finder id="f"></x-finder></main></body></html>');
    expect(localeOf(other.getElementById('f') as unknown as Element)).toBe('en');
  });

  it('crosses a shadow root to the host’s ancestors', () => {
    const doc = page('<html><body><div lang="en"><x-app id="app"></x-app></div></body></html>');
    const shadow = doc.getElementById('app').attachShadow({ mode: 'open' });
    const inner = doc.createElement('x-finder');
    shadow.appendChild(inner);
    expect(localeOf(inner)).toBe('en');
  });

  it('is Indonesian without any lang, for other languages and for an empty lang', () => {
    expect(
      localeOf(
        page('<html><body><x-finder id="f"></x-finder></body></html>').getElementById(
          'f',
        ) as unknown as Element,
      ),
    ).toBe('id');
    const javanese = page(
      '<html lang="en"><body><div lang="jv"><x-finder id="f"></x-finder></div></body></html>',
    );
    expect(localeOf(javanese.getElementById('f') as unknown as Element)).toBe('id');
  });
});

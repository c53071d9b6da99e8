import { describe, expect, it } from 'vitest';
import type { Dictionary } from '../../../i18n';
import { browseText } from './browse';
import { detailText } from './detail';
import { finderText } from './index';

describe('the finder’s dictionaries', () => {
  it('gives Indonesian while English is not loaded yet, and English once it is', async () => {
    expect(finderText.get('id').search.label).toBe('Cari layanan');
    expect((await finderText.load('en')).search.label).toBe('Search services');
    expect(finderText.get('en').search.label).toBe('Search services');
  });

  it('has the same keys in both dictionaries', async () => {
    for (const text of [finderText, detailText, browseText] as Dictionary<unknown>[]) {
      const en = keys(await text.load('en')).filter((k) => !/\.(zero|one|two|few|many)\.$/.test(k));
      expect(en.sort()).toEqual(keys(text.get('id')).sort());
    }
  });

  it('gives the detail view’s strings in Indonesian, and in English once loaded', async () => {
    expect(detailText.get('id').requirements).toBe('Persyaratan');
    expect((await detailText.load('en')).requirements).toBe('Requirements');
  });

  it('gives the browse view’s strings in Indonesian, and in English once loaded', async () => {
    expect(browseText.get('id').events).toBe('Urusan menurut peristiwa hidup');
    expect((await browseText.load('en')).events).toBe('By life event');
  });
});

function keys(value: unknown, prefix = ''): string[] {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`))
    : [prefix];
}

import { describe, expect, it } from 'vitest';
import { finderText } from './index';

describe('the finder’s dictionaries', () => {
  it('gives Indonesian while English is not loaded yet, and English once it is', async () => {
    expect(finderText.get('id').search.label).toBe('Cari layanan');
    expect((await finderText.load('en')).search.label).toBe('Search services');
    expect(finderText.get('en').search.label).toBe('Search services');
  });

  it('has the same keys in both dictionaries', async () => {
    const keys = (value: unknown, prefix = ''): string[] =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`))
        : [prefix];
    const en = keys(await finderText.load('en')).filter((k) => !/\.(zero|one|two|few|many)\.$/.test(k));
    expect(en.sort()).toEqual(keys(finderText.get('id')).sort());
  });
});

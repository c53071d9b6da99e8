import { describe, expect, it } from 'vitest';
import { en } from './en';
import { id } from './id';
import { en as lookupEn } from './lookup/en';
import { id as lookupId } from './lookup/id';

function leaves(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${prefix}.${i}`));
  return Object.entries(value as object).flatMap(([key, v]) =>
    /^(zero|one|two|few|many)$/.test(key) ? [] : leaves(v, prefix ? `${prefix}.${key}` : key),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each([
  ['the booking’s dictionaries', id, en],
  ['the “Lihat antrean Anda” dictionaries (lookup.tsx)', lookupId, lookupEn],
] as const)('%s', (_, id: object, en: object) => {
  it('have the same keys in Indonesian and English', () => {
    expect(leaves(en).map(([k]) => k)).toEqual(leaves(id).map(([k]) => k));
  });

  it('have no empty string and the same placeholders in both languages', () => {
    const english = new Map(leaves(en));
    for (const [key, text] of leaves(id)) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });
});

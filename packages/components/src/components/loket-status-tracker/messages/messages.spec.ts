import { describe, expect, it } from 'vitest';
import { plural } from '../../../i18n';
import { en } from './en';
import { id } from './id';
import { en as withdrawEn } from './withdraw/en';
import { id as withdrawId } from './withdraw/id';

/** Every leaf as [path, string]; English plural forms other than `other` are left out. */
function leaves(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  return Object.entries(value as object).flatMap(([key, v]) =>
    /^(zero|one|two|few|many)$/.test(key) ? [] : leaves(v, prefix ? `${prefix}.${key}` : key),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the tracker’s dictionaries', () => {
  // The tracker's own, and the withdraw step's (loaded with its code).
  const pairs = [
    [id, en],
    [withdrawId, withdrawEn],
  ];

  it('have the same keys in Indonesian and English', () => {
    for (const [id, en] of pairs) expect(leaves(en).map(([k]) => k)).toEqual(leaves(id).map(([k]) => k));
  });

  it('have no empty string and the same placeholders in both languages', () => {
    for (const [id, en] of pairs) {
      const english = new Map(leaves(en));
      for (const [key, text] of leaves(id)) {
        expect(text.trim(), key).not.toBe('');
        expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(text));
      }
    }
  });

  it('name every status of the contract', () => {
    const statuses = [
      'draft',
      'submitted',
      'in_review',
      'needs_revision',
      'completed',
      'rejected',
      'withdrawn',
    ];
    expect(Object.keys(id.status.words).sort()).toEqual(statuses.sort());
    expect(Object.keys(en.status.words).sort()).toEqual(statuses.sort());
  });

  it('count working days in each language’s plural forms', () => {
    expect(plural('id', id.status.days, 14)).toBe('14 hari kerja sejak permohonan dikirim');
    expect(plural('en', en.status.days, 1)).toBe('1 working day after it was sent');
    expect(plural('en', en.status.days, 14)).toBe('14 working days after it was sent');
  });
});

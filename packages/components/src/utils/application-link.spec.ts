import { describe, expect, it } from 'vitest';
import { readApplicationLink, readCodeLink } from './application-link';

describe('readApplicationLink', () => {
  it('reads the code and secret from the fragment, never the query', () => {
    expect(readApplicationLink('https://x.go.id/lacak.html#kode=LKT-7K4M-Q2XP&rahasia=a%2Bb')).toEqual({
      code: 'LKT-7K4M-Q2XP',
      secret: 'a+b',
    });
    expect(readApplicationLink('https://x.go.id/lacak.html?kode=LKT-7K4M-Q2XP&rahasia=s')).toBeNull();
  });

  it('needs both', () => {
    expect(readApplicationLink('https://x.go.id/#kode=LKT-7K4M-Q2XP')).toBeNull();
    expect(readApplicationLink('https://x.go.id/#top')).toBeNull();
    expect(readApplicationLink('https://x.go.id/#kode=%20&rahasia=s')).toBeNull();
  });
});

describe('readCodeLink', () => {
  it('reads a code given alone (a notification link), not one with a secret or a recovery token', () => {
    expect(readCodeLink('https://x.go.id/lacak.html#kode=LKT-7K4M-Q2XP')).toBe('LKT-7K4M-Q2XP');
    expect(readCodeLink('https://x.go.id/lacak.html#kode=LKT-7K4M-Q2XP&rahasia=s')).toBeNull();
    expect(readCodeLink('https://x.go.id/lacak.html#kode=LKT-7K4M-Q2XP&pulih=t')).toBeNull();
    expect(readCodeLink('https://x.go.id/lacak.html?kode=LKT-7K4M-Q2XP')).toBeNull();
    expect(readCodeLink('https://x.go.id/lacak.html#kode=')).toBeNull();
  });
});

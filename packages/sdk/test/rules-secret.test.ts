import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalSecret, formatSecret, SECRET_SYMBOLS, secretFromBytes } from '../src/rules/index.js';

describe('the application secret', () => {
  it('turns 10 bytes into 16 symbols, all 80 bits kept (different bytes, different secrets)', () => {
    expect(secretFromBytes(new Uint8Array(10))).toBe('0000-0000-0000-0000');
    expect(secretFromBytes(new Uint8Array(10).fill(255))).toBe('ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    // 0x00…01: only the last symbol carries it.
    expect(secretFromBytes(Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]))).toBe('0000-0000-0000-0001');
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        (a, b) => {
          const [sa, sb] = [secretFromBytes(a), secretFromBytes(b)];
          expect(sa).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
          expect(sa === sb).toBe(a.every((byte, i) => byte === b[i]));
        },
      ),
    );
    expect(() => secretFromBytes(new Uint8Array(9))).toThrow(RangeError);
  });

  it('forgives case, spaces, dashes and the look-alikes I, L and O on input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 10, maxLength: 10 }), (bytes) => {
        const shown = secretFromBytes(bytes);
        const symbols = shown.replaceAll('-', '');
        expect(symbols).toHaveLength(SECRET_SYMBOLS);
        for (const typed of [shown, shown.toLowerCase(), symbols, symbols.match(/.{4}/g)?.join(' ') ?? ''])
          expect(canonicalSecret(typed)).toBe(symbols);
        expect(canonicalSecret(shown.replaceAll('0', 'o').replaceAll('1', 'L'))).toBe(symbols);
        expect(formatSecret(symbols)).toBe(shown);
      }),
    );
    expect(canonicalSecret('i1l1-O0o0-ABCD-EFGH')).toBe('11110000ABCDEFGH');
  });

  it('says null for what cannot be one (an older secret, too short or long, U or other symbols)', () => {
    for (const input of [
      '',
      'ABCD-EFGH-JKMN',
      'ABCD-EFGH-JKMN-PQRS-T',
      'ABCD-EFGH-JKMN-PQRU',
      '6V2hgph8FXCYaZxL0_dmGS_VPb9V-QAD',
    ])
      expect(canonicalSecret(input), input).toBeNull();
  });
});

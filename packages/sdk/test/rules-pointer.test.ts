import { describe, expect, it } from 'vitest';
import { answerPointer, pointerSegment } from '../src/rules/index.js';

describe('pointerSegment (RFC 6901)', () => {
  it.each([
    ['nama', 'nama'],
    ['a/b', 'a~1b'],
    ['a~b', 'a~0b'],
    // `~` first: a key spelled `~1` must not come back as `/`.
    ['~1', '~01'],
    ['', ''],
    [3, '3'],
  ])('%j → %j', (key, token) => expect(pointerSegment(key)).toBe(token));

  it('points at an answer the way the form finds it again', () => {
    expect(answerPointer('alamat/rt')).toBe('/answers/alamat~1rt');
  });
});

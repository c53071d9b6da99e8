import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { qrPath } from './qr';

/** The path's squares back as a module grid. */
function modules(d: string, size: number): boolean[][] {
  const grid = Array.from({ length: size }, () => Array(size).fill(false) as boolean[]);
  for (const [, x, y, w] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g))
    for (let i = 0; i < Number(w); i += 1) (grid[Number(y)] as boolean[])[Number(x) + i] = true;
  return grid;
}

describe('qrPath', () => {
  it('draws exactly the encoder’s dark modules, with a quiet zone', () => {
    const text = 'KNJ-7Q4M-2WXD';
    const { size, d } = qrPath(text);
    const expected = encode(text, { ecc: 'M', border: 2 });
    expect(size).toBe(expected.size);
    expect(modules(d, size)).toEqual(expected.data);
    expect(modules(d, size)[0]?.some(Boolean)).toBe(false);
  });
});

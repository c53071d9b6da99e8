import { encode } from 'uqr';

/**
 * A QR code as one SVG path (dark modules as unit squares), from uqr's encoder: the ticket draws
 * it with `<svg><path d=…>` in its own markup, so no HTML string is ever parsed. Loaded with the
 * ticket, not in the first load (it is the largest piece of the component's code).
 */
export function qrPath(text: string): { size: number; d: string } {
  const qr = encode(text, { ecc: 'M', border: 2 });
  let d = '';
  qr.data.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      const from = x;
      while (row[x]) x += 1;
      d += `M${from} ${y}h${x - from}v1h${from - x}z`;
    }
  });
  return { size: qr.size, d };
}

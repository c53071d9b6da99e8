// Compressed sizes (gzip -9 and brotli 11, as a CDN precompresses) and sums of them.
import zlib from 'node:zlib';

export function compressedSizes(text) {
  const buf = Buffer.from(text);
  return {
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    }).length,
  };
}

const KINDS = ['raw', 'gzip', 'brotli'];
const add = (a, b) => Object.fromEntries(KINDS.map((k) => [k, a[k] + b[k]]));
export const sub = (a, b) => Object.fromEntries(KINDS.map((k) => [k, a[k] - b[k]]));
export const zero = () => ({ raw: 0, gzip: 0, brotli: 0 });
export const sum = (list) => list.reduce(add, zero());

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanFilename, MAX_FILENAME_LENGTH } from '../src/applications/filenames.js';
import {
  type AttachmentStorage,
  createStorage,
  FileTooLargeError,
  sweepPartialFiles,
} from '../src/applications/storage.js';
import { contentDisposition } from '../src/http/content-disposition.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/files/${name}`, import.meta.url));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let dir: string;
let storage: AttachmentStorage;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loket-storage-'));
  storage = createStorage(dir);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function files(): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

/** A stream of `total` bytes in 64 KB chunks that records how much was pulled from it. */
function source(total: number, fill = 0x41) {
  const pulled = { bytes: 0 };
  const chunk = Buffer.alloc(64 * 1024, fill);
  const stream = Readable.from(
    (function* () {
      while (pulled.bytes < total) {
        const next = chunk.subarray(0, Math.min(chunk.length, total - pulled.bytes));
        pulled.bytes += next.length;
        yield next;
      }
    })(),
  );
  return { stream, pulled };
}

describe('local attachment storage', () => {
  it('stores a stream under a random key in a two-character folder, with size, SHA-256 and head', async () => {
    const pdf = fixture('tiny.pdf');
    const stored = await storage.write(Readable.from([pdf.subarray(0, 10), pdf.subarray(10)]), {
      maxBytes: 1024,
    });
    expect(stored.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stored.size).toBe(pdf.length);
    expect(stored.sha256).toBe(sha256(pdf));
    expect(stored.head).toEqual(pdf.subarray(0, 64));
    expect(await files()).toEqual([join(stored.key.slice(0, 2), stored.key)]);
    const read = await storage.read(stored.key);
    const chunks: Buffer[] = [];
    for await (const chunk of read) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks)).toEqual(pdf);
  });

  it('gives every file its own key', async () => {
    const a = await storage.write(Readable.from([Buffer.from('same')]), { maxBytes: 10 });
    const b = await storage.write(Readable.from([Buffer.from('same')]), { maxBytes: 10 });
    expect(a.key).not.toBe(b.key);
    expect(a.sha256).toBe(b.sha256);
  });

  it('stops as soon as the limit is crossed and keeps nothing', async () => {
    const { stream, pulled } = source(100 * 1024 * 1024);
    await expect(storage.write(stream, { maxBytes: 200 * 1024 })).rejects.toBeInstanceOf(FileTooLargeError);
    // It did not read the other 99.8 MB.
    expect(pulled.bytes).toBeLessThan(1024 * 1024);
    expect(await files()).toEqual([]);
  });

  it('accepts exactly the limit', async () => {
    const { stream } = source(200 * 1024);
    expect((await storage.write(stream, { maxBytes: 200 * 1024 })).size).toBe(200 * 1024);
  });

  it('keeps nothing when the stream breaks midway', async () => {
    const broken = new Readable({ read() {} });
    const writing = storage.write(broken, { maxBytes: 10 * 1024 * 1024 });
    broken.push(Buffer.alloc(128 * 1024));
    setTimeout(() => broken.destroy(new Error('connection reset')), 20);
    await expect(writing).rejects.toThrow('connection reset');
    expect(await files()).toEqual([]);
  });

  it('keeps nothing for a stream that was already closed', async () => {
    const closed = new Readable({ read() {} });
    closed.destroy();
    await expect(storage.write(closed, { maxBytes: 10 })).rejects.toThrow();
    expect(await files()).toEqual([]);
  });

  it('refuses keys that are not its own (no path ever comes from outside)', async () => {
    for (const key of [
      '../../etc/passwd',
      'tmp/x.part',
      '',
      'AB/../../x',
      '00000000-0000-0000-0000-00000000000G',
    ]) {
      await expect(storage.read(key)).rejects.toThrow(/invalid storage key/);
      await expect(storage.remove(key)).rejects.toThrow(/invalid storage key/);
    }
  });

  it('rejects reading an unknown key; removing one is not an error', async () => {
    const unknown = '0b5c7a8e-1d2f-4a3b-8c9d-0e1f2a3b4c5d';
    await expect(storage.read(unknown)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(storage.remove(unknown)).resolves.toBeUndefined();
    const stored = await storage.write(Readable.from([Buffer.from('x')]), { maxBytes: 10 });
    await storage.remove(stored.key);
    await storage.remove(stored.key);
    expect(await files()).toEqual([]);
  });

  it('sweeps partial files older than an hour, and only those', async () => {
    await mkdir(join(dir, 'tmp'), { recursive: true });
    await writeFile(join(dir, 'tmp', 'old.part'), 'x');
    await writeFile(join(dir, 'tmp', 'new.part'), 'x');
    await writeFile(join(dir, 'tmp', 'other.txt'), 'x');
    const hoursAgo = new Date(Date.now() - 2 * 3600_000);
    await utimes(join(dir, 'tmp', 'old.part'), hoursAgo, hoursAgo);
    expect(await sweepPartialFiles(dir)).toBe(1);
    expect((await files()).sort()).toEqual([join('tmp', 'new.part'), join('tmp', 'other.txt')]);
    expect(await sweepPartialFiles(join(dir, 'nothing-here'))).toBe(0);
  });
});

describe('filenames', () => {
  it.each([
    ['surat.pdf', 'surat.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\x.pdf', 'x.pdf'],
    ['/', 'berkas'],
    ['', 'berkas'],
    [undefined, 'berkas'],
    ['  ..  .hidden.pdf ', 'hidden.pdf'],
    ['a\u202Egpj.exe', 'agpj.exe'],
    ['a\u2066b\u2069c\u200Bd\uFEFF.pdf', 'abcd.pdf'],
    ['tab\tand\nnewline.pdf', 'tab and newline.pdf'],
    ['nul\u0000.pdf', 'nul.pdf'],
    ['<>:"|?*.pdf', '_______.pdf'],
    ['lone \uD800 surrogate.pdf', 'lone surrogate.pdf'],
    ['Akta Kelahiran – Budi.pdf', 'Akta Kelahiran – Budi.pdf'],
    ['e\u0301.pdf', 'é.pdf'],
  ])('cleans %j to %j', (raw, expected) => {
    expect(cleanFilename(raw)).toBe(expected);
  });

  it('limits the length in characters, keeping the extension and whole emoji', () => {
    const long = cleanFilename(`${'😀'.repeat(300)}.jpeg`);
    expect([...long]).toHaveLength(MAX_FILENAME_LENGTH);
    expect(long.endsWith('😀.jpeg')).toBe(true);
    expect(long).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect([...cleanFilename('x'.repeat(500))]).toHaveLength(MAX_FILENAME_LENGTH);
  });

  it('makes a Content-Disposition with an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('surat.pdf')).toBe(
      `attachment; filename="surat.pdf"; filename*=UTF-8''surat.pdf`,
    );
    const header = contentDisposition("Akta – Budi's (1).pdf");
    expect(header).toBe(
      `attachment; filename="Akta _ Budi's (1).pdf"; filename*=UTF-8''Akta%20%E2%80%93%20Budi%27s%20%281%29.pdf`,
    );
    expect(contentDisposition('100%.pdf')).toContain('filename="100_.pdf"');
  });
});

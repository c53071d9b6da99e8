import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFile, detectType, type FileLimits } from '../src/rules/index.js';

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])));
const latin1 = (text: string) => bytes(text);
/** The server's upload fixtures: real (tiny) files. */
const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../server/test/fixtures/files/${name}`, import.meta.url)));

const PDF = bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'JFIF', 0x00);
const PNG = bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'IHDR', 0, 0, 0, 1);
const GIF = bytes('GIF89a', 1, 0, 1, 0);

const file = (content: Uint8Array, name: string, type = '') =>
  new File([content as BlobPart], name, { type });
const rule: FileLimits = {
  accept: ['application/pdf', 'image/jpeg', 'image/png'],
  max_bytes: 64,
  max_files: 2,
};

describe('detectType', () => {
  it('knows PDF, JPEG and PNG by their first bytes', () => {
    expect(detectType(PDF)).toBe('application/pdf');
    expect(detectType(JPEG)).toBe('image/jpeg');
    expect(detectType(PNG)).toBe('image/png');
  });

  it('recognises real files (and a Node Buffer of one)', () => {
    expect(detectType(fixture('tiny.pdf'))).toBe('application/pdf');
    expect(detectType(fixture('tiny.jpg'))).toBe('image/jpeg');
    expect(detectType(fixture('tiny.png'))).toBe('image/png');
    expect(detectType(Buffer.from(fixture('tiny.png')))).toBe('image/png');
  });

  it('refuses what only looks like one', () => {
    expect(detectType(GIF)).toBeNull();
    expect(detectType(bytes('%PDF-x'))).toBeNull();
    expect(detectType(PNG.subarray(0, 12))).toBeNull(); // the signature without its IHDR chunk
    expect(detectType(bytes(0xff, 0xd8))).toBeNull();
    expect(detectType(new Uint8Array())).toBeNull();
  });

  it.each([
    ['empty', ''],
    ['PE executable', 'MZ\x90\x00'],
    ['ZIP', 'PK\x03\x04'],
    ['HTML', '<!doctype html>'],
    ['PDF without a version', '%PDF-'],
    ['PDF header not at the start', ' %PDF-1.4'],
    ['PNG signature without IHDR', '\x89PNG\r\n\x1a\n\x00\x00\x00\x0dJUNK'],
    ['JPEG SOI only', '\xff\xd8'],
    ['GIF', 'GIF89a'],
    ['WebP', 'RIFF\x00\x00\x00\x00WEBP'],
  ])('refuses %s', (_name, head) => {
    expect(detectType(latin1(head))).toBeNull();
  });
});

describe('checkFile', () => {
  it('accepts a file of an allowed type within the size and count', async () => {
    expect(await checkFile(rule, file(PDF, 'surat.pdf'), 0)).toBeNull();
    expect(await checkFile(rule, file(JPEG, 'foto.jpg'), 1)).toBeNull();
  });

  it('decides the type by the content, not the name or the declared type', async () => {
    expect(await checkFile(rule, file(GIF, 'surat.pdf', 'application/pdf'), 0)).toBe('file_type');
    expect(await checkFile(rule, file(PNG, 'scan.pdf', 'application/pdf'), 0)).toBeNull();
    const photosOnly: FileLimits = { ...rule, accept: ['image/jpeg', 'image/png'] };
    expect(await checkFile(photosOnly, file(PDF, 'foto.jpg', 'image/jpeg'), 0)).toBe('file_type');
    expect(await checkFile(rule, file(new Uint8Array(), 'kosong.pdf'), 0)).toBe('file_type');
  });

  it('refuses a file over max_bytes', async () => {
    const big = new Uint8Array(65);
    big.set(PDF);
    expect(await checkFile(rule, file(big, 'surat.pdf'), 0)).toBe('file_size');
    expect(await checkFile(rule, file(big.subarray(0, 64), 'surat.pdf'), 0)).toBeNull();
  });

  it('refuses one file too many; max_files defaults to 1', async () => {
    expect(await checkFile(rule, file(PDF, 'surat.pdf'), 2)).toBe('file_count');
    const { max_files: _, ...single } = rule;
    expect(await checkFile(single, file(PDF, 'surat.pdf'), 1)).toBe('file_count');
    expect(await checkFile(single, file(PDF, 'surat.pdf'), 0)).toBeNull();
  });
});

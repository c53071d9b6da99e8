import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskCsp, registerDesk } from '../src/http/desk.js';
import { registerSecurityHeaders } from '../src/http/headers.js';

// /petugas/: the desk's page and its build, under a policy that allows nothing inline and nothing
// from another origin (what the desk does under it is seen in Chromium: packages/demo/test/desk*.test.ts).
let app: FastifyInstance;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'loket-desk-'));
  await mkdir(join(dir, 'build'));
  await writeFile(join(dir, 'build', 'loket-desk.esm.js'), 'export {};\n');
  await writeFile(join(dir, 'build', 'p-Btkj09Q5.js'), 'export const x = 1;\n');
  await writeFile(join(dir, 'build', 'pdfjs-worker-6.5.438.js'), 'export {};\n');
  await writeFile(join(dir, 'secret.txt'), 'not served');
  app = Fastify();
  registerSecurityHeaders(app);
  registerDesk(app, dir);
  await app.ready();
});

afterAll(() => app?.close());

describe('the desk’s page', () => {
  it('is one page with no inline script or style, under the desk’s strict policy', async () => {
    const response = await app.inject('/petugas/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toBe(deskCsp);
    expect(deskCsp).toContain("script-src 'self'");
    expect(deskCsp).toContain("style-src 'self'");
    expect(deskCsp).not.toContain('unsafe');
    // Workers from this origin only (pdf.js's), started under the one named Trusted Types policy;
    // no frames at all (a PDF is drawn on canvases, not framed).
    expect(deskCsp).toContain("worker-src 'self'");
    expect(deskCsp).toContain("require-trusted-types-for 'script'; trusted-types loket-desk-pdf");
    expect(deskCsp).not.toContain('frame-src');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.body).toContain('<script type="module" src="/petugas/build/loket-desk.esm.js"></script>');
    expect(response.body).toContain('<loket-desk></loket-desk>');
    // Every script has a src; no style element, no style or on* attribute.
    expect(response.body.match(/<script(?![^>]*\bsrc=)[^>]*>/g)).toBeNull();
    expect(response.body).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
  });

  it('sends /petugas to /petugas/', async () => {
    const response = await app.inject('/petugas');
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toBe('/petugas/');
  });

  it('serves the build: the entry revalidated, the hashed chunks cached for a year', async () => {
    const entry = await app.inject('/petugas/build/loket-desk.esm.js');
    expect(entry.statusCode).toBe(200);
    expect(entry.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(entry.headers['cache-control']).toBe('no-cache');
    const chunk = await app.inject('/petugas/build/p-Btkj09Q5.js');
    expect(chunk.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(chunk.body).toBe('export const x = 1;\n');
    // pdf.js, named by its version, never changes under its name either.
    const pdfjs = await app.inject('/petugas/build/pdfjs-worker-6.5.438.js');
    expect(pdfjs.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(pdfjs.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it.each(['/petugas/build/..%2Fsecret.txt', '/petugas/build/secret.txt', '/petugas/build/none.js'])(
    'serves nothing else (%s)',
    async (path) => {
      expect((await app.inject(path)).statusCode).toBe(404);
    },
  );
});

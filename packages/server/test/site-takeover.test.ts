import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadNationalComplaintChannels } from '../src/complaints.js';
import type { Db } from '../src/db/index.js';
import { generousLimits } from './helpers/app.js';
import { createTestDb } from './helpers/db.js';

// Issue 19 item 5's takeover: each catalogue page's content sits inside the citizen component as
// its light DOM, and the page loads the components' loader from this server (what the components
// then do is seen in Chromium: packages/demo/test/catalogue-takeover.test.ts).
const REGION = '33.74';
const origin = 'http://loket.test';
let db: Db;
let app: FastifyInstance;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'loket-citizen-'));
  await writeFile(join(dir, 'loket.esm.js'), 'export {};\n');
  await writeFile(join(dir, 'p-Btkj09Q5.entry.js'), 'export const x = 1;\n');
  await writeFile(join(dir, 'secret.txt'), 'not served');
  db = await createTestDb();
  app = await buildApp({
    db,
    nationalComplaintChannels: await loadNationalComplaintChannels(),
    responseCache: false,
    uploadsDir: '/nonexistent/loket-uploads',
    publicUrl: origin,
    componentsDir: dir,
    limits: generousLimits,
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const loader = '<script type="module" src="/katalog/loket/loket.esm.js"></script>';

describe('the components take over the pages', () => {
  it('a service page: the article inside <loket-service-finder> opening that service', async () => {
    const res = await app.inject(`/katalog/en/${REGION}/ktp-el-hilang`);
    expect(res.body).toContain(loader);
    expect(res.body).toMatch(
      new RegExp(
        `<loket-service-finder region="${REGION}" lang="en" api-base="${origin}" service="ktp-el-hilang" own-page="" apply-href="/katalog/en/${REGION}/ktp-el-hilang/ajukan">\\s*<article>[\\s\\S]*</article>\\s*</loket-service-finder>`,
      ),
    );
    // The page's heading stays outside, for the page with or without the component.
    expect(res.body.indexOf('<h1>')).toBeLessThan(res.body.indexOf('<loket-service-finder'));
  });

  it('a service without an online form: no apply-href, and no form page', async () => {
    const list = (await app.inject(`/v1/services?region=${REGION}&limit=100`)).json() as {
      data: { id: string; form_available: boolean }[];
    };
    const offline = list.data.find((s) => !s.form_available);
    if (!offline) throw new Error(`every service of ${REGION} has a form: pick another region`);
    const res = await app.inject(`/katalog/id/${REGION}/${offline.id}`);
    expect(res.body).toMatch(/<loket-service-finder [^>]*own-page=""/);
    expect(res.body).not.toContain('apply-href');
    expect((await app.inject(`/katalog/id/${REGION}/${offline.id}/ajukan`)).statusCode).toBe(404);
  });

  it('the form page that "Ajukan secara daring" leads to: <loket-application-form> for the service and region, the tracker for the receipt', async () => {
    const res = await app.inject(`/katalog/id/${REGION}/ktp-el-hilang/ajukan`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(loader);
    expect(res.body).toContain('<meta name="robots" content="noindex, follow">');
    expect(res.body).toMatch(
      new RegExp(
        `<loket-application-form region="${REGION}" lang="id" api-base="${origin}" service="ktp-el-hilang" tracker-href="/katalog/id/lacak">\\s*<p>[^<]*<a href="/katalog/id/${REGION}/ktp-el-hilang">[\\s\\S]*</loket-application-form>`,
      ),
    );
    expect(res.body).toContain('<h1>Ajukan secara daring</h1>');
    expect(res.body).toContain(`hreflang="en" href="${origin}/katalog/en/${REGION}/ktp-el-hilang/ajukan"`);
    for (const path of [
      `/katalog/id/${REGION}/no-such-service/ajukan`,
      `/katalog/id/99.99/ktp-el-hilang/ajukan`,
    ]) {
      expect((await app.inject(path)).statusCode, path).toBe(404);
    }
  });

  it('the form on this server may start an application: its own origin needs no region’s allowance, another still does', async () => {
    const body = { service: 'ktp-el-hilang', region: REGION };
    const from = (o: string) =>
      app.inject({
        method: 'POST',
        url: '/v1/applications',
        headers: { origin: o, host: 'loket.test', 'sec-fetch-site': 'same-origin' },
        payload: body,
      });
    expect((await from(origin)).statusCode).toBe(201);
    const other = await app.inject({
      method: 'POST',
      url: '/v1/applications',
      headers: { origin: 'https://elsewhere.example', 'sec-fetch-site': 'cross-site' },
      payload: body,
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().type).toContain('origin-not-allowed');
  });

  it('the list and a search: the form and the results inside the finder, with the query', async () => {
    const list = await app.inject(`/katalog/id/${REGION}`);
    expect(list.body).toContain(loader);
    expect(list.body).toMatch(
      new RegExp(
        `<loket-service-finder region="${REGION}" lang="id" api-base="${origin}">\\s*<form method="get"[\\s\\S]*</section>\\s*</loket-service-finder>`,
      ),
    );
    const search = await app.inject(`/katalog/id/${REGION}?q=${encodeURIComponent('"ktp" <b>')}`);
    expect(search.body).toContain(
      `<loket-service-finder region="${REGION}" lang="id" api-base="${origin}" query="&quot;ktp&quot; &lt;b&gt;">`,
    );
  });

  it('the tracker: the form inside <loket-status-tracker>; its answer page loads nothing', async () => {
    const res = await app.inject('/katalog/id/lacak');
    expect(res.body).toContain(loader);
    expect(res.body).toMatch(
      new RegExp(
        `<loket-status-tracker lang="id" api-base="${origin}">\\s*<form method="post"[\\s\\S]*</form>\\s*</loket-status-tracker>`,
      ),
    );
  });

  it('serves the loader: the entry revalidated, hashed chunks for a year, nothing else', async () => {
    const entry = await app.inject('/katalog/loket/loket.esm.js');
    expect(entry.statusCode).toBe(200);
    expect(entry.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(entry.headers['cache-control']).toBe('no-cache');
    const chunk = await app.inject('/katalog/loket/p-Btkj09Q5.entry.js');
    expect(chunk.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(chunk.body).toBe('export const x = 1;\n');
    for (const path of [
      '/katalog/loket/..%2Fsecret.txt',
      '/katalog/loket/secret.txt',
      '/katalog/loket/none.js',
    ]) {
      expect((await app.inject(path)).statusCode, path).toBe(404);
    }
  });
});

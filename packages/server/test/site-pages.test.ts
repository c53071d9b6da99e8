import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadNationalComplaintChannels } from '../src/complaints.js';
import type { Db } from '../src/db/index.js';
import { siteCsp } from '../src/site/layout.js';
import { schemaOrg, schemaProblems } from './fixtures/schema-org.js';
import { generousLimits } from './helpers/app.js';
import { createTestDb, engine } from './helpers/db.js';
import { insertApplication, secret } from './helpers/notify.js';

// Issue 19 item 5: the catalogue as server-rendered pages (src/site/), made from the JSON API's
// presenters. What a browser without JavaScript does with them: packages/demo/test/catalogue-pages.test.ts.
let db: Db;
let app: FastifyInstance;
const REGION = '33.74';
let addresses = 0;
/** Each test its own client address: the lookups limit below is counted per address. */
const newAddress = () => `10.${engine === 'postgres' ? 4 : 3}.0.${++addresses}`;
const origin = 'http://loket.test';

beforeAll(async () => {
  db = await createTestDb();
  app = await buildApp({
    db,
    nationalComplaintChannels: await loadNationalComplaintChannels(),
    responseCache: false,
    uploadsDir: '/nonexistent/loket-uploads',
    publicUrl: origin,
    limits: { ...generousLimits, lookups: { max: 4, windowMs: 60_000 } },
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const get = (url: string, options: Partial<InjectOptions> = {}) =>
  app.inject({ method: 'GET', url, remoteAddress: newAddress(), ...options });

/** The JSON-LD blocks of a page, parsed. */
function jsonLdOf(body: string): Record<string, unknown>[] {
  return [...body.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (m) => JSON.parse(m[1] as string) as Record<string, unknown>,
  );
}

async function apiService(slug: string, lang: 'id' | 'en') {
  const res = await get(`/v1/services/${slug}?region=${REGION}&lang=${lang}`);
  expect(res.statusCode).toBe(200);
  return res.json() as {
    name: string;
    agency: { name: string };
    fee: { amount_idr: number | null; variants: { amount_idr: number | null }[] };
    requirements: string[];
  };
}

describe('a service page', () => {
  it('is the JSON API’s service as HTML, under a policy with scripts from this origin only, with canonical and hreflang links', async () => {
    const res = await get(`/katalog/id/${REGION}/ktp-el-hilang`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(siteCsp(origin));
    expect(siteCsp(origin)).toContain(`script-src 'self'; connect-src 'self' ${origin};`);
    expect(siteCsp(origin)).not.toContain('unsafe');
    expect(res.headers['cache-control']).toMatch(/^public/);
    // Not the API's no-referrer: with it a browser sends `Origin: null` with the tracker's form.
    expect(res.headers['referrer-policy']).toBe('same-origin');
    const api = await apiService('ktp-el-hilang', 'id');
    expect(res.body).toContain('<html lang="id">');
    expect(res.body).toContain(`<h1>${api.name}</h1>`);
    for (const requirement of api.requirements) expect(res.body).toContain(`<li>${requirement}</li>`);
    const page = `${origin}/katalog/id/${REGION}/ktp-el-hilang`;
    expect(res.body).toContain(`<link rel="canonical" href="${page}">`);
    expect(res.body).toContain(`<link rel="alternate" hreflang="id" href="${page}">`);
    expect(res.body).toContain(
      `<link rel="alternate" hreflang="en" href="${origin}/katalog/en/${REGION}/ktp-el-hilang">`,
    );
    expect(res.body).toContain(`<link rel="alternate" hreflang="x-default" href="${page}">`);
    // The one stylesheet, and the one script: the components' loader, from this origin.
    expect(res.body.match(/<link rel="stylesheet" href="([^"]+)">/g)).toEqual([
      '<link rel="stylesheet" href="/katalog/site.css">',
    ]);
    expect(res.body.match(/<script(?! type="application\/ld\+json")[^>]*>/g)).toEqual([
      '<script type="module" src="/katalog/loket/loket.esm.js">',
    ]);
    expect(res.body).not.toMatch(/\sstyle=|\son[a-z]+=/i);
    const css = await get('/katalog/site.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('in English is the English service', async () => {
    const res = await get(`/katalog/en/${REGION}/ktp-el-hilang`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="en">');
    expect(res.headers['content-language']).toBe('en');
    expect(res.body).toContain(`<h1>${(await apiService('ktp-el-hilang', 'en')).name}</h1>`);
    expect(res.body).toContain(`href="/katalog/id/${REGION}/ktp-el-hilang" hreflang="id" lang="id"`);
  });

  it('carries GovernmentService JSON-LD with only schema.org’s properties, and the catalogue’s facts', async () => {
    const [known] = await db.query<{ id: string }>(
      `select id from service where region_code is null and fee_amount_idr > 0 order by id limit 1`,
    );
    const slug = known?.id as string;
    const res = await get(`/katalog/id/${REGION}/${slug}`);
    const blocks = jsonLdOf(res.body);
    expect(blocks).toHaveLength(1);
    const ld = blocks[0] as Record<string, unknown>;
    expect(ld['@context']).toBe('https://schema.org');
    expect(ld['@type']).toBe('GovernmentService');
    expect(schemaProblems(ld)).toEqual([]);
    // The check itself catches a property schema.org does not have, and a wrong nested type.
    expect(schemaProblems({ ...ld, fee: 1000 })).toEqual(['$.fee: not a property of GovernmentService']);
    expect(schemaProblems({ ...ld, provider: { '@type': 'Place', name: 'x' } })).toHaveLength(1);
    expect(schemaOrg.GovernmentService?.properties).toContain('serviceOperator');
    const api = await apiService(slug, 'id');
    expect(ld.name).toBe(api.name);
    expect(ld.url).toBe(`${origin}/katalog/id/${REGION}/${slug}`);
    expect((ld.provider as { name: string }).name).toBe(api.agency.name);
    expect(ld.areaServed).toEqual({
      '@type': 'AdministrativeArea',
      name: 'Kota Semarang',
      identifier: REGION,
    });
    const offers = ld.offers as { price: number; priceCurrency: string }[];
    expect(offers[0]).toMatchObject({ price: api.fee.amount_idr, priceCurrency: 'IDR' });
    const howTo = ld.subjectOf as { supply: { name: string }[] };
    expect(howTo.supply.map((s) => s.name)).toEqual(api.requirements);
  });

  it('never invents a fee: an unknown fee has no offer, and the page says it is not known', async () => {
    const [unknown] = await db.query<{ id: string }>(
      `select id from service where region_code is null and fee_amount_idr is null
         and (fee_variants is null or fee_variants = '[]'::jsonb) order by id limit 1`,
    );
    expect(unknown, 'the seeded catalogue has a service whose fee is not known').toBeDefined();
    const res = await get(`/katalog/id/${REGION}/${unknown?.id}`);
    expect(res.statusCode).toBe(200);
    const [ld] = jsonLdOf(res.body);
    expect(ld).not.toHaveProperty('offers');
    expect(res.body).toMatch(/<h2>Biaya<\/h2><p>Belum diketahui<\/p>/);
  });

  it('lists the MPP locations that offer the service as channels, as GET /v1/regions/{code}/locations?service= does', async () => {
    // Surabaya: Dukcapil sits at MPP Siola (Semarang's MPP has only agreements so far).
    const locations = await get(`/v1/regions/35.78/locations?service=ktp-el-hilang`);
    const names = (locations.json() as { data: { name: string }[] }).data.map((l) => l.name);
    expect(names.length).toBeGreaterThan(0);
    const page = await get(`/katalog/id/35.78/ktp-el-hilang`);
    for (const name of names) expect(page.body).toContain(`<strong>${name}</strong>`);
    const [ld] = jsonLdOf(page.body);
    const channels = (ld?.availableChannel ?? []) as { serviceLocation?: { name: string } }[];
    expect(channels.flatMap((c) => c.serviceLocation?.name ?? [])).toEqual(names);
  });

  it('escapes hostile catalogue text everywhere: in the page and inside the JSON-LD', async () => {
    const hostile = '</script><script>alert(1)</script><img src=x onerror=alert(2)> & "quoted"';
    const [row] = await db.query<{ name_id: string; requirements: unknown }>(
      `select name_id, requirements from service where id = 'ktp-el-hilang'`,
    );
    await db.query(
      `update service set name_id = $1, requirements = $2::text::jsonb where id = 'ktp-el-hilang'`,
      [hostile, JSON.stringify([{ id: hostile, en: hostile }])],
    );
    try {
      const res = await get(`/katalog/id/${REGION}/ktp-el-hilang`);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('<script>alert');
      expect(res.body).not.toContain('<img src=x');
      expect(res.body).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
      // One JSON-LD element (and the loader's), closed where it should be, holding the text exactly.
      expect(res.body.match(/<\/script>/g)).toHaveLength(2);
      const [ld] = jsonLdOf(res.body);
      expect(ld?.name).toBe(hostile);
      const list = await get(`/katalog/id/${REGION}?q=ktp`);
      expect(list.body).not.toContain('<script>alert');
    } finally {
      await db.query(
        `update service set name_id = $1, requirements = $2::text::jsonb where id = 'ktp-el-hilang'`,
        [row?.name_id, JSON.stringify(row?.requirements)],
      );
    }
  });

  it('is a 404 page for an unknown region or service, and a regional service of another region', async () => {
    for (const url of [
      `/katalog/id/99.99/ktp-el-hilang`,
      `/katalog/en/${REGION}/no-such-service`,
      '/katalog/fr/33.74',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
    }
    const [other] = await db.query<{ id: string }>(
      `select id from service where region_code is not null and region_code not like '33%' limit 1`,
    );
    if (other) expect((await get(`/katalog/id/${REGION}/${other.id}`)).statusCode).toBe(404);
  });
});

describe('a region’s list and the finder’s results', () => {
  it('shows the same services, in the same order, as GET /v1/services for the query', async () => {
    const api = await get(
      `/v1/services?region=${REGION}&q=${encodeURIComponent('bikin ktp')}&limit=20&lang=id`,
    );
    const ids = (api.json() as { data: { id: string }[]; total: number }).data.map((s) => s.id);
    expect(ids.length).toBeGreaterThan(0);
    const res = await get(`/katalog/id/${REGION}?q=${encodeURIComponent('bikin ktp')}`);
    expect(res.statusCode).toBe(200);
    const linked = [...res.body.matchAll(/<li><a href="\/katalog\/id\/33\.74\/([^"]+)">/g)].map((m) => m[1]);
    expect(linked).toEqual(ids);
    expect(res.body).toContain('value="bikin ktp"');
    expect(res.body).toContain('<meta name="robots" content="noindex, follow">');
  });

  it('lists every service of the region over its pages, each page in the index', async () => {
    const api = await get(`/v1/services?region=${REGION}&limit=1`);
    const total = (api.json() as { total: number }).total;
    const first = await get(`/katalog/en/${REGION}`);
    expect(first.body).toContain(`<h2 id="results">${total} services</h2>`);
    expect(first.body).not.toContain('noindex');
    expect(first.body).toContain(`<link rel="canonical" href="${origin}/katalog/en/${REGION}">`);
    if (total > 20) expect(first.body).toContain(`<a rel="next" href="/katalog/en/${REGION}?halaman=2">`);
  });

  it('takes any text a person types without failing', async () => {
    for (const q of ['%00', '%F0%9F%98%80', '%ED%A0%80', 'a'.repeat(500), '%27%3B--']) {
      const res = await get(`/katalog/id/${REGION}?q=${q}&halaman=-3`);
      expect(res.statusCode, q).toBe(200);
    }
  });
});

describe('sitemaps and robots.txt', () => {
  it('lists a sitemap per region, each with every service page in both languages and their alternates', async () => {
    const index = await get('/katalog/sitemap.xml');
    expect(index.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(index.body).toContain(`<sitemap><loc>${origin}/katalog/sitemap/${REGION}.xml</loc></sitemap>`);
    const [count] = await db.query<{ n: number }>('select count(*)::int as n from region');
    expect(index.body.match(/<sitemap>/g)).toHaveLength(count?.n ?? -1);
    const api = await get(`/v1/services?region=${REGION}&limit=100`);
    const { data, total } = api.json() as { data: { id: string }[]; total: number };
    const ids = data.map((s) => s.id);
    const map = await get(`/katalog/sitemap/${REGION}.xml`);
    expect(map.statusCode).toBe(200);
    for (const id of ids) {
      expect(map.body).toContain(`<loc>${origin}/katalog/id/${REGION}/${id}</loc>`);
      expect(map.body).toContain(`<loc>${origin}/katalog/en/${REGION}/${id}</loc>`);
    }
    expect(map.body.match(/<url>/g)).toHaveLength(2 * (total + 1));
    expect(map.body).toContain(
      `<xhtml:link rel="alternate" hreflang="en" href="${origin}/katalog/en/${REGION}/ktp-el-hilang"/>`,
    );
    expect((await get('/katalog/sitemap/99.99.xml')).statusCode).toBe(404);
    expect((await get('/katalog/sitemap/33.74.txt')).statusCode).toBe(404);
  });

  it('robots.txt allows the catalogue, keeps crawlers off the API, the desk and the tracker, and names the index', async () => {
    const res = await get('/robots.txt');
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toContain('Allow: /katalog/');
    expect(res.body).toContain('Disallow: /v1/');
    expect(res.body).toContain('Disallow: /petugas/');
    expect(res.body).toContain('Disallow: /katalog/id/lacak');
    expect(res.body).toContain(`Sitemap: ${origin}/katalog/sitemap.xml`);
  });
});

describe('the tracker as a plain form', () => {
  /** The form page as a browser gets it: its cookie and its token. */
  async function form(address: string) {
    const res = await get('/katalog/id/lacak', { remoteAddress: address });
    expect(res.headers['cache-control']).toBe('no-store');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^loket_lacak=[\w-]+; Path=\/katalog\/; HttpOnly; SameSite=Strict/);
    const token = /name="token" value="([\w-]+)"/.exec(res.body)?.[1] as string;
    expect(cookie.startsWith(`loket_lacak=${token};`)).toBe(true);
    expect(res.body).toContain('<form method="post" action="/katalog/id/lacak">');
    expect(res.body).toContain('name="secret" type="password"');
    return { cookie: `loket_lacak=${token}`, token };
  }

  const post = (address: string, cookie: string | null, fields: Record<string, string>, headers = {}) =>
    app.inject({
      method: 'POST',
      url: '/katalog/id/lacak',
      remoteAddress: address,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin,
        'sec-fetch-site': 'same-origin',
        ...(cookie ? { cookie } : {}),
        ...headers,
      },
      payload: new URLSearchParams(fields).toString(),
    });

  it('posts the code and the secret and answers with the status page, never stored', async () => {
    const { code } = await insertApplication(db, { status: 'submitted' });
    const address = newAddress();
    const { cookie, token } = await form(address);
    const res = await post(address, cookie, { token, code, secret });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.location).toBeUndefined();
    expect(res.body).toContain('Terkirim: permohonan sudah diterima');
    expect(res.body).not.toContain(secret);
    expect(res.body).toContain('<meta name="robots" content="noindex, follow">');
  });

  it('answers a wrong secret like an unknown code, keeping the code typed and never the secret', async () => {
    const { code } = await insertApplication(db, { status: 'submitted' });
    const address = newAddress();
    const { cookie, token } = await form(address);
    const wrong = await post(address, cookie, { token, code, secret: 'AAAA-BBBB-CCCC-DDDD' });
    const unknown = await post(address, cookie, { token, code: 'LKT-0000-0000-0000', secret });
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(wrong.body).toContain('tidak cocok');
    expect(wrong.body).toContain(`value="${code}"`);
    expect(wrong.body).not.toContain('AAAA-BBBB-CCCC-DDDD');
  });

  it('refuses a post from another site: no cookie, a token that is not the cookie’s, or a cross-site request', async () => {
    const { code } = await insertApplication(db, { status: 'submitted' });
    const address = newAddress();
    const { cookie, token } = await form(address);
    const noCookie = await post(address, null, { token, code, secret });
    const otherToken = await post(address, cookie, { token: `${token}x`, code, secret });
    const crossSite = await post(
      address,
      cookie,
      { token, code, secret },
      { 'sec-fetch-site': 'cross-site' },
    );
    const otherOrigin = await post(
      newAddress(),
      cookie,
      { token, code, secret },
      { origin: 'https://evil.example' },
    );
    for (const res of [noCookie, otherToken, crossSite, otherOrigin]) {
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain('Terkirim');
    }
  });

  it('counts against the lookups limit per address, as the JSON lookup does', async () => {
    const { code } = await insertApplication(db, { status: 'submitted' });
    const address = newAddress();
    const { cookie, token } = await form(address);
    const answers = [];
    for (let i = 0; i < 4; i++)
      answers.push((await post(address, cookie, { token, code, secret })).statusCode);
    expect(answers).toEqual([200, 200, 200, 200]);
    // The refusal is a page too (no JSON for a person without JavaScript), with Retry-After.
    const refused = await post(address, cookie, { token, code, secret });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body).toContain('<h1>Terlalu banyak permintaan</h1>');
    expect(refused.body).not.toContain(secret);
    // The JSON lookup from the same address is refused too: one count.
    const json = await app.inject({
      method: 'GET',
      url: `/v1/applications/${code}/status`,
      remoteAddress: address,
      headers: { 'loket-secret': secret },
    });
    expect(json.statusCode).toBe(429);
  });
});

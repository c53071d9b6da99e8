import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../src/app.js';
import { run } from '../src/cli/export.js';
import { loadNationalComplaintChannels } from '../src/complaints.js';
import type { Db } from '../src/db/index.js';
import { generousLimits } from './helpers/app.js';
import { createTestDb } from './helpers/db.js';

// Issue 19 item 6: a region's catalogue as CPSV-AP 3.2.0 JSON-LD (src/catalogue/cpsv-ap.ts), by
// GET /katalog/cpsv-ap/{code}.jsonld and `loket-server export cpsv-ap`. Checked by expanding it
// with a JSON-LD processor (jsonld.js) that may load nothing from the network.
let db: Db;
let app: FastifyInstance;
const REGION = '33.74';
const origin = 'https://loket.semarang.example';

const CPSV = 'http://purl.org/vocab/cpsv#';
const CV = 'http://data.europa.eu/m8g/';
const DCT = 'http://purl.org/dc/terms/';

beforeAll(async () => {
  db = await createTestDb();
  app = await buildApp({
    db,
    nationalComplaintChannels: await loadNationalComplaintChannels(),
    responseCache: false,
    uploadsDir: '/nonexistent/loket-uploads',
    publicUrl: origin,
    limits: generousLimits,
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

type Fee = { amount_idr: number | null; variants: { amount_idr: number | null }[] };
type Expanded = Record<string, unknown[] | string> & { '@id': string; '@type'?: string[] };

/** Expanded and flattened, with a document loader that refuses every remote context. */
async function flatten(document: unknown): Promise<Map<string, Expanded>> {
  const documentLoader = async (url: string) => {
    throw new Error(`no remote documents: ${url}`);
  };
  // @types/jsonld describes an older API (callbacks); jsonld 9 returns promises.
  const processor = jsonld as unknown as {
    expand(input: unknown, options: object): Promise<unknown[]>;
    flatten(input: unknown, context: null, options: object): Promise<Expanded[]>;
  };
  const expanded = await processor.expand(document, { documentLoader });
  expect(expanded.length).toBeGreaterThan(0);
  // Without a context, the flattened document is an array of nodes in expanded form.
  const nodes = await processor.flatten(expanded, null, { documentLoader });
  return new Map(nodes.map((n) => [n['@id'], n]));
}

const values = (node: Expanded | undefined, property: string) =>
  (node?.[property] as { '@value'?: unknown; '@id'?: string; '@language'?: string }[] | undefined) ?? [];

describe('the CPSV-AP export', () => {
  it('is valid JSON-LD: one cpsv:PublicService per service of the region, with title, description and authority', async () => {
    const res = await app.inject(`/katalog/cpsv-ap/${REGION}.jsonld`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const nodes = await flatten(res.json());
    const services = [...nodes.values()].filter((n) => n['@type']?.includes(`${CPSV}PublicService`));
    const api = await app.inject(`/v1/services?region=${REGION}&limit=1`);
    expect(services).toHaveLength((api.json() as { total: number }).total);
    for (const service of services) {
      const titles = values(service, `${DCT}title`);
      expect(titles.map((t) => t['@language']).sort(), service['@id']).toEqual(['en', 'id']);
      expect(values(service, `${DCT}description`)).toHaveLength(2);
      expect(values(service, `${DCT}identifier`)).toHaveLength(1);
      const authority = values(service, `${CV}hasCompetentAuthority`)[0]?.['@id'];
      const participation = values(service, `${CV}hasParticipation`)[0]?.['@id'];
      const agencyIri =
        authority ?? values(nodes.get(participation as string), `${CV}hasParticipant`)[0]?.['@id'];
      const agency = nodes.get(agencyIri as string);
      expect(agency?.['@type'], service['@id']).toEqual(
        authority ? [`${CV}PublicOrganisation`] : ['http://xmlns.com/foaf/0.1/Agent'],
      );
      for (const input of values(service, `${CPSV}hasInput`)) {
        expect(nodes.get(input['@id'] as string)?.['@type']).toEqual([`${CV}Evidence`]);
      }
      const produced = values(service, `${CPSV}produces`)[0]?.['@id'];
      expect(nodes.get(produced as string)?.['@type']).toEqual([`${CV}Output`]);
      expect(values(service, `${DCT}spatial`)[0]?.['@id']).toBe(
        `${origin}/katalog/cpsv-ap/${REGION}.jsonld#wilayah`,
      );
    }
    // A service's IRI is its page's, as the page's own JSON-LD names it.
    expect(nodes.has(`${origin}/katalog/id/${REGION}/ktp-el-hilang#layanan`)).toBe(true);
  });

  it('gives a cost only for a fee the catalogue knows, in rupiah, and the counters of the MPP as channels', async () => {
    const nodes = await flatten((await app.inject('/katalog/cpsv-ap/35.78.jsonld')).json());
    const rows = await db.query<{ id: string; fee_amount_idr: number | null }>(
      `select id, fee_amount_idr::float8 as fee_amount_idr from service where region_code is null`,
    );
    const iri = (id: string) => `${origin}/katalog/id/35.78/${id}#layanan`;
    const known = rows.find((r) => r.fee_amount_idr !== null && r.fee_amount_idr > 0);
    const api = (await app.inject(`/v1/services/${known?.id}?region=35.78`)).json() as {
      fee: { amount_idr: number };
    };
    const costs = values(nodes.get(iri(known?.id as string)), `${CV}hasCost`).map((c) =>
      nodes.get(c['@id'] as string),
    );
    expect(costs[0]?.['@type']).toEqual([`${CV}Cost`]);
    expect(values(costs[0], `${CV}hasValue`)[0]?.['@value']).toBe(api.fee.amount_idr);
    expect(values(costs[0], `${CV}currency`)[0]?.['@id']).toBe(
      'http://publications.europa.eu/resource/authority/currency/IDR',
    );
    // A service whose fee Surabaya does not know (no amount, no variant with one), as the API says.
    let unknownId: string | undefined;
    for (const row of rows.filter((r) => r.fee_amount_idr === null)) {
      const fee = ((await app.inject(`/v1/services/${row.id}?region=35.78`)).json() as { fee: Fee }).fee;
      if (fee.amount_idr === null && fee.variants.every((v) => v.amount_idr === null)) {
        unknownId = row.id;
        break;
      }
    }
    const unknownNode = nodes.get(iri(unknownId as string));
    expect(unknownNode).toBeDefined();
    expect(values(unknownNode, `${CV}hasCost`)).toEqual([]);
    const channels = values(nodes.get(iri('ktp-el-hilang')), `${CV}hasChannel`).map((c) =>
      nodes.get(c['@id'] as string),
    );
    const siola = channels.find((c) => values(c, `${DCT}identifier`)[0]?.['@value'] === 'mpp-surabaya-siola');
    expect(siola?.['@type']).toEqual([`${CV}Channel`]);
  });

  it('is a 404 for a region that does not exist', async () => {
    expect((await app.inject('/katalog/cpsv-ap/99.99.jsonld')).statusCode).toBe(404);
    expect((await app.inject('/katalog/cpsv-ap/33.74.json')).statusCode).toBe(404);
  });

  it('is the same document from the CLI, to a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'loket-cpsv-'));
    const err: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void err.push(parts.join(' ')));
    try {
      const tools = {
        withDb: ((fn: (db: Db) => Promise<unknown>) => fn(db)) as never,
        loadConfig: (() => ({ publicUrl: undefined })) as never,
      };
      const out = join(dir, 'semarang.jsonld');
      expect(
        await run(['cpsv-ap', '--region', REGION, '--base-url', `${origin}/`, '--out', out], tools),
      ).toBe(0);
      const served = (await app.inject(`/katalog/cpsv-ap/${REGION}.jsonld`)).json();
      expect(JSON.parse(await readFile(out, 'utf8'))).toEqual(served);
      expect(await run(['cpsv-ap', '--region', '99.99', '--base-url', origin], tools)).toBe(1);
      expect(await run(['cpsv-ap', '--region', REGION], tools)).toBe(1);
      expect(err.join('\n')).toMatch(/no region "99\.99"[\s\S]*a base URL is needed/);
    } finally {
      vi.restoreAllMocks();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

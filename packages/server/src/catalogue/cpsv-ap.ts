import type { components } from '@loket/sdk/contract';
import type { Queryable } from '../db/index.js';
import { locationsOfferingEach } from './locations.js';
import { presentService } from './present.js';
import { type RegionRow, scopeOf } from './regions.js';
import { listServices } from './services.js';

type Schemas = components['schemas'];
type Service = Schemas['Service'];
type Node = Record<string, unknown>;

/**
 * The catalogue of a region as CPSV-AP 3.2.0 JSON-LD (the EU's Core Public Service Vocabulary
 * Application Profile, SEMIC, https://semiceu.github.io/CPSV-AP/releases/3.2.0/), for open-data
 * portals. Terms are written as full prefixed names with an inline @context, so a processor
 * needs no remote document. Made from the JSON API's presented `Service` in both languages:
 * the same facts, and only those the catalogue has (an unknown fee has no cv:Cost).
 */
export const cpsvContext = {
  cpsv: 'http://purl.org/vocab/cpsv#',
  cv: 'http://data.europa.eu/m8g/',
  dct: 'http://purl.org/dc/terms/',
  dcat: 'http://www.w3.org/ns/dcat#',
  eli: 'http://data.europa.eu/eli/ontology#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  locn: 'http://www.w3.org/ns/locn#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

/** The EU's currency authority table (used by CPSV-AP for cv:currency). */
const IDR = 'http://publications.europa.eu/resource/authority/currency/IDR';
const governmentLevels = new Set(['central', 'provincial', 'regency']);

const both = (id: string, en: string) => [
  { '@value': id, '@language': 'id' },
  { '@value': en, '@language': 'en' },
];

export interface CpsvOptions {
  /** The IRI of this document (its URL): nodes without a page are fragments of it. */
  documentIri: string;
  /** The IRI of a service (its page's address, with `#layanan`, as the page's own JSON-LD says). */
  serviceIri: (slug: string) => string;
}

export async function cpsvCatalogue(db: Queryable, region: RegionRow, options: CpsvOptions): Promise<Node> {
  const page = await listServices(db, scopeOf(region), { limit: 100_000, offset: 0 });
  const locations = await locationsOfferingEach(db, region, page.rows);
  const doc = options.documentIri;
  const regionIri = `${doc}#wilayah`;
  const agencies = new Map<string, Node>();
  const services = page.rows.map((row) => {
    const id = presentService(row, 'id', []);
    const en = presentService(row, 'en', []);
    const agencyIri = `${doc}#instansi-${row.agency_id}`;
    if (!agencies.has(row.agency_id)) {
      const government = governmentLevels.has(row.agency_level);
      agencies.set(row.agency_id, {
        '@id': agencyIri,
        '@type': government ? 'cv:PublicOrganisation' : 'foaf:Agent',
        'dct:identifier': row.agency_id,
        [government ? 'skos:prefLabel' : 'foaf:name']: both(row.agency_name_id, row.agency_name_en),
      });
    }
    return publicService(id, en, {
      iri: options.serviceIri(row.id),
      agencyIri,
      government: governmentLevels.has(row.agency_level),
      regionIri,
      locations: locations.get(row.id) ?? [],
    });
  });
  return {
    '@context': cpsvContext,
    '@graph': [
      {
        '@id': regionIri,
        '@type': 'dct:Location',
        'dct:identifier': region.code,
        'locn:geographicName': region.name,
      },
      ...agencies.values(),
      ...services,
    ],
  };
}

interface Links {
  iri: string;
  agencyIri: string;
  government: boolean;
  regionIri: string;
  locations: Schemas['Location'][];
}

function publicService(id: Service, en: Service, links: Links): Node {
  const { iri } = links;
  const days = id.duration.days;
  const describe = (s: Service, produces: string, time: (n: number) => string) =>
    [`${produces}: ${s.output}.`, days === null ? '' : time(days)].filter(Boolean).join(' ');
  return {
    '@id': iri,
    '@type': 'cpsv:PublicService',
    'dct:identifier': id.id,
    'dct:title': both(id.name, en.name),
    'dct:description': both(
      describe(id, 'Hasil layanan', (n) => `Lama proses: ${n} hari kerja.`),
      describe(en, 'Produces', (n) => `Processing time: ${n} working day${n === 1 ? '' : 's'}.`),
    ),
    ...(id.aliases.length
      ? { 'dcat:keyword': id.aliases.map((a) => ({ '@value': a, '@language': 'id' })) }
      : {}),
    'dct:spatial': { '@id': links.regionIri },
    // A public organisation is the competent authority; a state or private company (PLN, a
    // bank) takes part as the service's operator instead (cv:Participation).
    ...(links.government
      ? { 'cv:hasCompetentAuthority': { '@id': links.agencyIri } }
      : {
          'cv:hasParticipation': {
            '@id': `${iri}-operator`,
            '@type': 'cv:Participation',
            'dct:description': both('Penyelenggara layanan', 'Service operator'),
            'cv:hasParticipant': { '@id': links.agencyIri },
          },
        }),
    'cv:isClassifiedBy': {
      '@id': `${iri}-kategori`,
      '@type': 'skos:Concept',
      'dct:identifier': id.category.id,
      'skos:prefLabel': both(id.category.name, en.category.name),
    },
    'cpsv:hasInput': id.requirements.map((text, i) => ({
      '@id': `${iri}-persyaratan-${i + 1}`,
      '@type': 'cv:Evidence',
      'dct:title': both(text, en.requirements[i] ?? text),
    })),
    'cpsv:produces': { '@id': `${iri}-hasil`, '@type': 'cv:Output', 'dct:title': both(id.output, en.output) },
    'cv:hasCost': costsOf(id, en, iri),
    'cv:hasChannel': channelsOf(id, links),
    'cv:hasLegalResource': id.legal_basis.map((text, i) => ({
      '@id': `${iri}-dasar-hukum-${i + 1}`,
      '@type': 'eli:LegalResource',
      'dct:title': { '@value': text, '@language': 'id' },
    })),
  };
}

/** The fee and its variants whose amount is known, in rupiah; an unknown fee has none. */
function costsOf(id: Service, en: Service, iri: string): Node[] {
  const cost = (key: string, amount: number, label: Node[] | null) => ({
    '@id': `${iri}-biaya-${key}`,
    '@type': 'cv:Cost',
    'cv:hasValue': { '@value': amount, '@type': 'xsd:double' },
    'cv:currency': { '@id': IDR },
    ...(label ? { 'dct:description': label } : {}),
  });
  const legal = id.fee.legal_basis
    ? both(id.fee.legal_basis, en.fee.legal_basis ?? id.fee.legal_basis)
    : null;
  return [
    ...(id.fee.amount_idr !== null ? [cost('dasar', id.fee.amount_idr, legal)] : []),
    ...id.fee.variants.flatMap((v, i) =>
      v.amount_idr === null
        ? []
        : [cost(String(i + 1), v.amount_idr, both(v.label, en.fee.variants[i]?.label ?? v.label))],
    ),
  ];
}

/** The MPP counters (by location) and the online address, each a cv:Channel run by the agency. */
function channelsOf(service: Service, links: Links): Node[] {
  const counters = links.locations.map((location) => ({
    '@id': `${links.iri}-kanal-${location.id}`,
    '@type': 'cv:Channel',
    'dct:identifier': location.id,
    'dct:description': {
      '@value': [location.name, location.address].filter(Boolean).join(', '),
      '@language': 'id',
    },
  }));
  const online = service.online_url
    ? [
        {
          '@id': `${links.iri}-kanal-daring`,
          '@type': 'cv:Channel',
          'dct:identifier': 'online',
          'dct:description': { '@value': service.online_url, '@language': 'id' },
          'cv:ownedBy': { '@id': links.agencyIri },
        },
      ]
    : [];
  return [...counters, ...online];
}

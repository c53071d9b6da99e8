import { readFile } from 'node:fs/promises';
import type { components } from '@loket/sdk/contract';
import type { NationalChannel } from './catalogue/present.js';
import type { Lang } from './messages/index.js';

type Way = components['schemas']['NationalComplaintChannel']['ways'][number];
type StoredWay = Omit<Way, 'note'> & { note: { id: string; en: string } | null };
type Stored = NationalChannel & { sources?: string[]; ways?: StoredWay[] };

const read = async (): Promise<Stored[]> =>
  (
    JSON.parse(
      await readFile(new URL('../data/catalogue/complaint-channels.json', import.meta.url), 'utf8'),
    ) as { national: Stored[] }
  ).national;

/** SP4N-LAPOR! and any other national complaint channel, with their legal basis. */
export async function loadNationalComplaintChannels(): Promise<NationalChannel[]> {
  return (await read()).map(({ name, url, scope, legal_basis }) => ({ name, url, scope, legal_basis }));
}

let detailed: Promise<Stored[]> | undefined;

/**
 * The national channels with every way to reach them (website, SMS, app, social media) and their
 * sources, in `lang`: what a complaint form offers beside Loket's own complaint (read once).
 */
export async function nationalChannelsWithWays(
  lang: Lang,
): Promise<components['schemas']['NationalComplaintChannel'][]> {
  detailed ??= read();
  return (await detailed).map(({ name, url, scope, legal_basis, sources = [], ways = [] }) => ({
    name,
    url,
    scope,
    legal_basis,
    sources,
    ways: ways.map((w) => ({ ...w, note: w.note ? w.note[lang] : null })),
  }));
}

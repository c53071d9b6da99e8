import { readFile } from 'node:fs/promises';
import type { NationalChannel } from './catalogue/present.js';

/** SP4N-LAPOR! and any other national complaint channel, with their legal basis. */
export async function loadNationalComplaintChannels(): Promise<NationalChannel[]> {
  const file = JSON.parse(
    await readFile(new URL('../data/catalogue/complaint-channels.json', import.meta.url), 'utf8'),
  ) as { national: (NationalChannel & { sources?: string[] })[] };
  return file.national.map(({ name, url, scope, legal_basis }) => ({ name, url, scope, legal_basis }));
}

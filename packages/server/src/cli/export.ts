import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { cpsvCatalogue } from '../catalogue/cpsv-ap.js';
import { findRegion } from '../catalogue/regions.js';
import type { CommandTools } from '../cli.js';
import { paths } from '../site/layout.js';

const usage = `loket-server export cpsv-ap --region CODE [--base-url URL] [--out FILE]

Writes a region's catalogue as CPSV-AP 3.2.0 JSON-LD (docs/open-data.md): the same document as
GET /katalog/cpsv-ap/CODE.jsonld. Its IRIs are made with --base-url (default $LOKET_PUBLIC_URL):
the address the catalogue's pages are served at. To stdout, or to FILE with --out.

Exit status: 0 on success, 1 on any error (the message is on stderr).`;

const fail = (message: string) => {
  console.error(message);
  return 1;
};

/** `loket-server export …` (dispatched by src/cli.ts). */
export async function run(
  args: string[],
  tools: Pick<CommandTools, 'withDb' | 'loadConfig'>,
): Promise<number> {
  let values: { region?: string; 'base-url'?: string; out?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        region: { type: 'string' },
        'base-url': { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    return fail(`${err instanceof Error ? err.message : String(err)}\n\n${usage}`);
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (positionals.join(' ') !== 'cpsv-ap' || !values.region) return fail(usage);
  const base = (values['base-url'] ?? tools.loadConfig().publicUrl)?.replace(/\/+$/, '');
  if (!base || !/^https?:\/\/[^/]+/.test(base)) {
    return fail('a base URL is needed for the IRIs: --base-url https://… or LOKET_PUBLIC_URL');
  }
  const code = values.region;
  const document = await tools.withDb(async (db) => {
    const region = await findRegion(db, code);
    if (!region) return null;
    return cpsvCatalogue(db, region, {
      documentIri: base + paths.cpsv(region.code),
      serviceIri: (slug) => `${base}${paths.service('id', region.code, slug)}#layanan`,
    });
  });
  if (!document) return fail(`no region "${code}"`);
  const text = `${JSON.stringify(document, null, 2)}\n`;
  if (values.out) await writeFile(values.out, text);
  else process.stdout.write(text);
  return 0;
}

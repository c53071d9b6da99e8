import { assertRegionExists, OfficerInputError } from '../applications/officer-tokens.js';
import { addOrigin, listOrigins, parseOrigin, removeOrigin } from '../applications/origins.js';
import type { CommandTools } from '../cli.js';
import { fail, runCommand } from './command.js';

export { parseOrigin } from '../applications/origins.js';

const usage = `loket-server origins <command>

Web origins (scheme://host[:port]) allowed to call the citizen application endpoints from a
browser for a region. An origin allowed for a province (33) is allowed for its kabupaten/kota.

Commands:
  add REGION ORIGIN      allow ORIGIN for REGION, e.g. origins add 33.74 https://semarangkota.go.id
  list [REGION]          list allowed origins (of one region), one "REGION<TAB>ORIGIN" per line
  remove REGION ORIGIN   stop allowing ORIGIN for REGION

Exit status: 0 on success, 1 on any error (the message is on stderr).`;

const localHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

const spec = {
  name: 'origins',
  usage,
  options: {},
  inputErrors: [OfficerInputError],
} as const;

/** `loket-server origins …` (dispatched by src/cli.ts). */
export const run = (args: string[], tools: Pick<CommandTools, 'withDb'>): Promise<number> =>
  runCommand(args, spec, async (command, rest) => {
    switch (command) {
      case 'add': {
        const [region, input, extra] = rest;
        if (!region || !input || extra !== undefined) return fail('origins add needs REGION ORIGIN');
        const checked = parseOrigin(input);
        if ('error' in checked) return fail(checked.error);
        const { origin } = checked;
        const url = new URL(origin);
        if (url.protocol === 'http:' && !localHosts.has(url.hostname)) {
          console.error(
            `warning: ${origin} is not https; citizens' answers would cross the network unencrypted`,
          );
        }
        await tools.withDb(async (db) => {
          await assertRegionExists(db, region);
          await addOrigin(db, region, origin);
        });
        console.log(
          `allowed ${origin} for region ${region}${region.length === 2 ? ' and its kabupaten/kota' : ''}`,
        );
        return 0;
      }
      case 'list': {
        const [region, extra] = rest;
        if (extra !== undefined) return fail('origins list takes at most one REGION');
        const rows = await tools.withDb(async (db) => {
          if (region !== undefined) await assertRegionExists(db, region);
          return listOrigins(db, region);
        });
        if (rows.length === 0)
          console.error(region ? `no origins allowed for region ${region}` : 'no origins allowed');
        for (const row of rows) console.log(`${row.region_code}\t${row.origin}`);
        return 0;
      }
      case 'remove': {
        const [region, input, extra] = rest;
        if (!region || !input || extra !== undefined) return fail('origins remove needs REGION ORIGIN');
        const checked = parseOrigin(input);
        if ('error' in checked) return fail(checked.error);
        const removed = await tools.withDb(async (db) => {
          await assertRegionExists(db, region);
          return removeOrigin(db, region, checked.origin);
        });
        if (!removed) return fail(`${checked.origin} was not allowed for region ${region}; nothing removed`);
        console.log(`removed ${checked.origin} from region ${region}`);
        return 0;
      }
    }
  });

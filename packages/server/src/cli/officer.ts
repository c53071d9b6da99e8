import {
  createOfficerToken,
  listOfficerTokens,
  OfficerInputError,
  type OfficerTokenInfo,
  revokeOfficerToken,
} from '../applications/officer-tokens.js';
import type { CommandTools } from '../cli.js';
import { fail, runCommand } from './command.js';

const usage = `loket-server officer <command>

Commands:
  create --name NAME --agency AGENCY --region REGION [--json]
      create a bearer token for one agency in one region (a province code such as 33 also covers
      its kabupaten/kota). The token is printed ONCE; only its SHA-256 is stored.
  list [--agency AGENCY] [--region REGION] [--json]
      list tokens (never the tokens themselves), newest first
  revoke ID
      revoke a token at once; revoking twice is harmless

Examples:
  loket-server officer create --name "Siti (Dukcapil Semarang)" --agency dukcapil --region 33.74
  loket-server officer list --agency dukcapil
  loket-server officer revoke 0b6f3c9e-2a51-4c1e-9d0f-8a7b6c5d4e3f

Exit status: 0 on success, 1 on any error (the message is on stderr).`;

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function describe(token: OfficerTokenInfo) {
  return {
    id: token.id,
    name: token.name,
    agency: token.agency_id,
    region: token.region_code,
    created_at: iso(token.created_at),
    revoked_at: iso(token.revoked_at),
  };
}

const spec = {
  name: 'officer',
  usage,
  options: {
    name: { type: 'string' },
    agency: { type: 'string' },
    region: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
  inputErrors: [OfficerInputError],
} as const;

/** `loket-server officer …` (dispatched by src/cli.ts). */
export const run = (args: string[], tools: Pick<CommandTools, 'withDb'>): Promise<number> =>
  runCommand(args, spec, async (command, rest, values) => {
    switch (command) {
      case 'create': {
        if (rest.length > 0) return fail(`officer create takes no positional arguments (got "${rest[0]}")`);
        const missing = (['name', 'agency', 'region'] as const).filter((k) => !values[k]);
        if (missing.length > 0)
          return fail(`officer create needs ${missing.map((k) => `--${k}`).join(', ')}`);
        const created = await tools.withDb((db) =>
          createOfficerToken(db, {
            name: values.name as string,
            agency: values.agency as string,
            region: values.region as string,
          }),
        );
        if (values.json) {
          console.log(JSON.stringify({ ...describe(created), token: created.token }));
        } else {
          console.log(`id:     ${created.id}`);
          console.log(`name:   ${created.name}`);
          console.log(`agency: ${created.agency_id}`);
          console.log(`region: ${created.region_code}`);
          console.log(`token:  ${created.token}`);
        }
        console.error(
          'This token is shown only once and cannot be recovered: store it now. Send it as "Authorization: Bearer <token>".',
        );
        return 0;
      }
      case 'list': {
        if (rest.length > 0) return fail(`officer list takes no positional arguments (got "${rest[0]}")`);
        const tokens = await tools.withDb((db) =>
          listOfficerTokens(db, { agency: values.agency, region: values.region }),
        );
        if (values.json) {
          console.log(JSON.stringify(tokens.map(describe)));
          return 0;
        }
        if (tokens.length === 0) {
          console.error('no officer tokens');
          return 0;
        }
        console.log(['id', 'agency', 'region', 'created_at', 'revoked_at', 'name'].join('\t'));
        for (const t of tokens.map(describe)) {
          console.log([t.id, t.agency, t.region, t.created_at, t.revoked_at ?? '-', t.name].join('\t'));
        }
        return 0;
      }
      case 'revoke': {
        const [id, extra] = rest;
        if (!id || extra !== undefined)
          return fail('officer revoke needs exactly one token ID (see "officer list")');
        const outcome = await tools.withDb((db) => revokeOfficerToken(db, id));
        if (outcome.result === 'not-found') return fail(`there is no officer token with id "${id}"`);
        if (outcome.result === 'already-revoked') {
          console.log(`already revoked ${id} (${outcome.token.name}) at ${iso(outcome.token.revoked_at)}`);
        } else {
          console.log(`revoked ${id} (${outcome.token.name})`);
        }
        return 0;
      }
    }
  });

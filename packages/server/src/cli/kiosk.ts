import type { CommandTools } from '../cli.js';
import { createKiosk, type KioskDevice, KioskInputError, listKiosks, revokeKiosk } from '../survey/kiosk.js';
import { fail, runCommand } from './command.js';

const usage = `loket-server kiosk <command>

Commands:
  add --location LOCATION --name NAME [--json]
      register a survey kiosk (a tablet at the location's exit). Its token is printed ONCE;
      only its SHA-256 is stored. The kiosk sends it as "Loket-Kiosk: <token>".
  list [--location LOCATION] [--json]
      list kiosks (never their tokens), newest first
  revoke ID
      revoke a kiosk at once; revoking twice is harmless

Examples:
  loket-server kiosk add --location mpp-surabaya-siola --name "Tablet pintu keluar"
  loket-server kiosk list --location mpp-surabaya-siola

Exit status: 0 on success, 1 on any error (the message is on stderr).`;

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
const describe = (k: KioskDevice) => ({
  id: k.id,
  name: k.name,
  location: k.location_id,
  region: k.region_code,
  created_at: iso(k.created_at),
  revoked_at: iso(k.revoked_at),
});

const spec = {
  name: 'kiosk',
  usage,
  options: {
    location: { type: 'string' },
    name: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
  inputErrors: [KioskInputError],
} as const;

/** `loket-server kiosk …` (dispatched by src/cli.ts). */
export const run = (args: string[], tools: Pick<CommandTools, 'withDb'>): Promise<number> =>
  runCommand(args, spec, async (command, rest, values) => {
    if (command === 'add') {
      if (!values.location || !values.name) return fail('kiosk add needs --location and --name');
      const { device, token } = await tools.withDb((db) =>
        createKiosk(db, { name: values.name as string, location: values.location as string }, new Date()),
      );
      console.log(
        values.json
          ? JSON.stringify({ ...describe(device), token })
          : `id:       ${device.id}\nlocation: ${device.location_id}\ntoken:    ${token}`,
      );
      console.error('This token is shown only once and cannot be recovered: store it on the kiosk now.');
      return 0;
    }
    if (command === 'list') {
      const kiosks = (await tools.withDb((db) => listKiosks(db, values.location))).map(describe);
      if (values.json) console.log(JSON.stringify(kiosks));
      else
        for (const k of kiosks)
          console.log([k.id, k.location, k.created_at, k.revoked_at ?? '-', k.name].join('\t'));
      return 0;
    }
    if (command === 'revoke') {
      const [id, extra] = rest;
      if (!id || extra !== undefined)
        return fail('kiosk revoke needs exactly one kiosk ID (see "kiosk list")');
      const found = await tools.withDb((db) => revokeKiosk(db, id, new Date()));
      if (!found) return fail(`there is no kiosk with id "${id}"`);
      console.log(`revoked ${id}`);
      return 0;
    }
    return undefined;
  });

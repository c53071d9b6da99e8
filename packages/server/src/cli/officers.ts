import { OfficerInputError } from '../applications/officer-tokens.js';
import type { CommandTools } from '../cli.js';
import {
  addAccount,
  disableAccount,
  enableAccount,
  listAccounts,
  type OfficerAccount,
  resetTotp,
  setPassword,
  setRoles,
} from '../officers/accounts.js';
import { totpUri } from '../officers/totp.js';
import { fail, runCommand, type Values } from './command.js';
import { readSecretLine } from './read-secret.js';

const usage = `loket-server officers <command>

Officer accounts for the desk (/petugas/). Integrations keep their bearer tokens ("officer create").

Commands:
  add --username U --name N --agency A --region R --role ROLE[,ROLE] [--totp] [--sso-only]
      [--oidc-subject SUB] [--json]
      create an account. Roles: officer, supervisor, admin. The password is read from standard
      input (typed without echo, or the first line piped in); --sso-only makes an account without
      one (single sign-on only). --totp enrols a TOTP second factor (always done for admins) and
      prints its otpauth:// URI ONCE, for the officer's authenticator app.
  list [--agency A] [--region R] [--json]
      list accounts (never their secrets)
  set-password USERNAME
      a new password (read as for add); the account's sessions end at once
  reset-totp USERNAME
      a new TOTP key (the old one stops working), printed once as an otpauth:// URI; sessions end
  set-roles USERNAME --role ROLE[,ROLE]
      replace the account's roles; its sessions end. Made admin without a TOTP key: one is
      enrolled and printed once
  disable USERNAME | enable USERNAME
      no more sign-ins, and every session of the account ends at once (enable undoes it)

Passwords: at least 12 characters, not containing the username; stored as scrypt hashes.

Examples:
  loket-server officers add --username siti.dukcapil --name "Siti Rahayu" --agency dukcapil --region 33.74 --role officer
  printf '%s\\n' "$NEW_PASSWORD" | loket-server officers set-password siti.dukcapil
  loket-server officers reset-totp siti.dukcapil

Exit status: 0 on success, 1 on any error (the message is on stderr).`;

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function describe(account: OfficerAccount) {
  return {
    id: account.id,
    username: account.username,
    name: account.name,
    agency: account.agency_id,
    region: account.region_code,
    roles: account.roles,
    password: account.has_password,
    totp: account.has_totp,
    oidc_subject: account.oidc_subject,
    disabled_at: iso(account.disabled_at),
    created_at: iso(account.created_at),
  };
}

function printTotp(username: string, secret: string, json: boolean): void {
  const uri = totpUri(secret, username);
  if (json) return;
  console.log(`totp secret: ${secret}`);
  console.log(`totp uri:    ${uri}`);
  console.error(
    "The TOTP key is shown only once: add it to the officer's authenticator app now (as the URI, or a QR code of it).",
  );
}

const spec = {
  name: 'officers',
  usage,
  options: {
    username: { type: 'string' },
    name: { type: 'string' },
    agency: { type: 'string' },
    region: { type: 'string' },
    role: { type: 'string' },
    totp: { type: 'boolean', default: false },
    'sso-only': { type: 'boolean', default: false },
    'oidc-subject': { type: 'string' },
    json: { type: 'boolean', default: false },
  },
  inputErrors: [OfficerInputError],
} as const;

async function add(
  values: Values<typeof spec.options>,
  rest: string[],
  tools: Pick<CommandTools, 'withDb'>,
): Promise<number> {
  if (rest.length > 0) return fail(`officers add takes no positional arguments (got "${rest[0]}")`);
  const missing = (['username', 'name', 'agency', 'region', 'role'] as const).filter((k) => !values[k]);
  if (missing.length > 0) return fail(`officers add needs ${missing.map((k) => `--${k}`).join(', ')}`);
  const password = values['sso-only'] ? undefined : await readSecretLine('Password: ');
  const created = await tools.withDb((db) =>
    addAccount(db, {
      username: values.username as string,
      name: values.name as string,
      agency: values.agency as string,
      region: values.region as string,
      roles: (values.role as string).split(','),
      password,
      totp: values.totp,
      oidcSubject: values['oidc-subject'],
    }),
  );
  const { account, totpSecret } = created;
  if (values.json) {
    const totp = totpSecret
      ? { totp_secret: totpSecret, totp_uri: totpUri(totpSecret, account.username) }
      : {};
    console.log(JSON.stringify({ ...describe(account), ...totp }));
    return 0;
  }
  console.log(
    `added ${account.username} (${account.name}): ${account.agency_id} in ${account.region_code}, ${account.roles.join(', ')}`,
  );
  if (totpSecret) printTotp(account.username, totpSecret, false);
  return 0;
}

/** `loket-server officers …` (dispatched by src/cli.ts). */
export const run = (args: string[], tools: Pick<CommandTools, 'withDb'>): Promise<number> =>
  runCommand(args, spec, async (command, rest, values) => {
    const one = (what: string) => {
      const [username, extra] = rest;
      if (!username || extra !== undefined)
        throw new OfficerInputError(`officers ${what} needs exactly one USERNAME`);
      return username;
    };
    switch (command) {
      case 'add':
        return await add(values, rest, tools);
      case 'list': {
        const accounts = await tools.withDb((db) =>
          listAccounts(db, { agency: values.agency, region: values.region }),
        );
        if (values.json) {
          console.log(JSON.stringify(accounts.map(describe)));
        } else if (accounts.length === 0) {
          console.error('no officer accounts');
        } else {
          console.log(['username', 'agency', 'region', 'roles', 'totp', 'disabled_at', 'name'].join('\t'));
          for (const a of accounts.map(describe)) {
            const row = [
              a.username,
              a.agency,
              a.region,
              a.roles.join(','),
              a.totp ? 'yes' : 'no',
              a.disabled_at ?? '-',
              a.name,
            ];
            console.log(row.join('\t'));
          }
        }
        return 0;
      }
      case 'set-password': {
        const username = one('set-password');
        const password = await readSecretLine('New password: ');
        await tools.withDb((db) => setPassword(db, username, password));
        console.log(`new password set for ${username}; its sessions ended`);
        return 0;
      }
      case 'reset-totp': {
        const username = one('reset-totp');
        const { account, totpSecret } = await tools.withDb((db) => resetTotp(db, username));
        if (values.json) {
          console.log(
            JSON.stringify({
              username: account.username,
              totp_secret: totpSecret,
              totp_uri: totpUri(totpSecret, account.username),
            }),
          );
        } else {
          printTotp(account.username, totpSecret, false);
        }
        return 0;
      }
      case 'set-roles': {
        const username = one('set-roles');
        if (!values.role) return fail('officers set-roles needs --role ROLE[,ROLE]');
        const roleList = values.role.split(',');
        const { account, totpSecret } = await tools.withDb((db) => setRoles(db, username, roleList));
        console.log(`${account.username} now has the roles ${account.roles.join(', ')}; its sessions ended`);
        if (totpSecret) printTotp(account.username, totpSecret, false);
        return 0;
      }
      case 'disable':
      case 'enable': {
        const username = one(command);
        const change = command === 'disable' ? disableAccount : enableAccount;
        await tools.withDb((db) => change(db, username));
        console.log(
          command === 'disable' ? `disabled ${username}; its sessions ended` : `enabled ${username}`,
        );
        return 0;
      }
    }
  });

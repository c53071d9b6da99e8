// The demo officers `pnpm start` (scripts/start.mjs) makes for Dukcapil in Kota Surabaya, and the
// lines of its banner about them: a bearer token for curl, and an account for the desk (/petugas/).
// Both are demo conveniences, renewed at every start; real officers get their own
// (`officer create`, `officers add`: docs/officers.md). `runCli` runs a server CLI command.
import { randomBytes } from 'node:crypto';

/** How this script recognises its own officer tokens (see `officer list`) to revoke them. */
const DEMO_OFFICER_NAME = 'Petugas Dukcapil contoh (pnpm start)';
/** The desk's demo account (docs/officers.md): demo only, its password and TOTP key renewed every start. */
const DEMO_USERNAME = 'demo.petugas';
const DEMO_ACCOUNT_NAME = 'Petugas Demo (khusus demo, pnpm start)';

/**
 * A fresh officer token for Dukcapil in Kota Surabaya, so the demo's applications can be moved
 * through their statuses. A demo convenience only: a real officer gets a named token of their own
 * (`officer create`). Each start revokes the tokens earlier starts made, so they do not pile up.
 */
export async function renewDemoOfficerToken({ runCli, agency, region }) {
  const list = await runCli(['officer', 'list', '--agency', agency, '--region', region, '--json']);
  if (list.code !== 0) throw new Error(list.stderr.trim() || `officer list failed (exit code ${list.code})`);
  const earlier = JSON.parse(list.stdout).filter((t) => t.name === DEMO_OFFICER_NAME && !t.revoked_at);
  for (const { id } of earlier) {
    const revoked = await runCli(['officer', 'revoke', id]);
    if (revoked.code !== 0) throw new Error(revoked.stderr.trim());
  }
  const created = await runCli([
    'officer',
    'create',
    '--name',
    DEMO_OFFICER_NAME,
    '--agency',
    agency,
    '--region',
    region,
    '--json',
  ]);
  if (created.code !== 0) throw new Error(created.stderr.trim() || 'officer create failed');
  const { token } = JSON.parse(created.stdout);
  console.log(
    `[start] demo officer token created for ${agency} in ${region}` +
      (earlier.length ? ` (revoked ${earlier.length} from earlier starts)` : ''),
  );
  return token;
}

/**
 * The desk's demo account (Dukcapil in Kota Surabaya; officer, supervisor and admin, so every part
 * of the desk shows): created on the first start, then given a new random password and a new TOTP
 * key at every start, so what a start printed stops working at the next. Demo only: real accounts
 * are made with `officers add` (docs/officers.md).
 */
export async function renewDemoOfficerAccount({ runCli, agency, region }) {
  const password = `demo-${randomBytes(9).toString('base64url')}`;
  const list = await runCli(['officers', 'list', '--agency', agency, '--region', region, '--json']);
  if (list.code !== 0) throw new Error(list.stderr.trim() || `officers list failed (exit code ${list.code})`);
  const earlier = JSON.parse(list.stdout).find((a) => a.username === DEMO_USERNAME);
  const must = (result, what) => {
    if (result.code !== 0)
      throw new Error(result.stderr.trim() || `${what} failed (exit code ${result.code})`);
    return result;
  };
  let totp;
  if (!earlier) {
    const args = ['officers', 'add', '--username', DEMO_USERNAME, '--name', DEMO_ACCOUNT_NAME];
    args.push(
      '--agency',
      agency,
      '--region',
      region,
      '--role',
      'officer,supervisor,admin',
      '--totp',
      '--json',
    );
    totp = JSON.parse(must(await runCli(args, `${password}\n`), 'officers add').stdout);
  } else {
    if (earlier.disabled_at) must(await runCli(['officers', 'enable', DEMO_USERNAME]), 'officers enable');
    must(await runCli(['officers', 'set-password', DEMO_USERNAME], `${password}\n`), 'officers set-password');
    totp = JSON.parse(
      must(await runCli(['officers', 'reset-totp', DEMO_USERNAME, '--json']), 'officers reset-totp').stdout,
    );
  }
  console.log(
    `[start] demo desk account ${DEMO_USERNAME} ${earlier ? 'renewed' : 'created'} for ${agency} in ${region}`,
  );
  return { username: DEMO_USERNAME, password, secret: totp.totp_secret, uri: totp.totp_uri };
}

/** The desk's address and the demo account's sign-in. */
export function deskHelp(account, apiBase) {
  return `  Officer desk                   ${apiBase}/petugas/
    Demo sign-in (DEMO ONLY, renewed at every start; Dukcapil, Kota Surabaya; officer, supervisor, admin):
      username     ${account.username}
      password     ${account.password}
      TOTP secret  ${account.secret}
      (add it to an authenticator app, or: oathtool --totp -b ${account.secret})
      ${account.uri}
    Real officers get their own accounts: node packages/server/dist/cli.js officers add … (docs/officers.md)
`;
}

/** What a newcomer pastes to act as the officer: the queue, then one transition. */
export function officerHelp(token, apiBase) {
  const auth = `-H "Authorization: Bearer ${token}"`;
  return `  Demo officer (Dukcapil, Kota Surabaya). A demo convenience: every \`pnpm start\` makes a new
  token and revokes the previous one; real officers get their own (\`cli.js officer create\`).

    The queue of submitted applications:
      curl ${auth} \\
        ${apiBase}/v1/officer/applications

    Move one to its next status (put its tracking code in): "in_review" first, then
    "completed", "rejected", or "needs_revision" with "fields": ["nik"] (ids of its form's fields):
      curl ${auth} \\
        -H "Content-Type: application/json" -d '{"to": "in_review", "public_note": "Sedang kami periksa."}' \\
        ${apiBase}/v1/officer/applications/LKT-XXXX-XXXX-XXXX/transitions

    The hall at MPP Siola (book on the demo's /antrean.html, watch /papan-antrean.html):
      check a booking in:  curl ${auth} -H "Content-Type: application/json" \\
        -d '{"code": "ANT-XXXX-XXXX"}' ${apiBase}/v1/officer/locations/mpp-surabaya-siola/check-ins
      call the next number: curl ${auth} -X POST \\
        ${apiBase}/v1/officer/locations/mpp-surabaya-siola/counters/dukcapil-1/call-next
`;
}

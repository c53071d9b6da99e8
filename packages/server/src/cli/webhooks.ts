import { assertAgencyExists, assertRegionExists, OfficerInputError } from '../applications/officer-tokens.js';
import type { CommandTools } from '../cli.js';
import type { Db } from '../db/index.js';
import {
  addEndpoint,
  enableEndpoint,
  findEndpoint,
  listEndpoints,
  queueTest,
  removeEndpoint,
  type WebhookEndpoint,
  WebhookInputError,
} from '../notifications/webhook-endpoints.js';
import { createOutbox } from '../notifications/worker.js';
import { fail, runCommand } from './command.js';

const usage = `loket-server webhooks <command>

Signed webhooks (Standard Webhooks) of an agency in a region: every notification event of that
agency there (a province code such as 33 also covers its kabupaten/kota) is POSTed to the URL,
signed with the endpoint's secret. See docs/notifications.md.

Commands:
  add --agency AGENCY --region REGION URL [--events TYPE,TYPE…] [--description TEXT]
      add an endpoint; https:// only (http:// to localhost, and private addresses, only with
      LOKET_WEBHOOK_ALLOW_PRIVATE=1). The secret (whsec_…) is printed ONCE.
  list [--agency AGENCY] [--region REGION]
      list endpoints (never their secrets), with why a disabled one was disabled
  test ID
      send a webhook.test event to the endpoint now (also to a disabled one) and say how it went
  enable ID
      enable an endpoint disabled after repeated failures; its failure count starts over
  remove ID
      remove an endpoint; what was still to be sent to it is cancelled

Examples:
  loket-server webhooks add --agency dukcapil --region 33.74 https://sms.semarangkota.go.id/loket \\
    --events application.needs_revision,application.completed --description "SMS gateway"
  loket-server webhooks test 0b6f3c9e-2a51-4c1e-9d0f-8a7b6c5d4e3f

Exit status: 0 on success, 1 on any error (the message is on stderr).`;

/** One endpoint as a block of `key: value` lines. */
function describe(endpoint: WebhookEndpoint): string {
  const at = (value: Date | string | null) => (value === null ? '—' : new Date(value).toISOString());
  const status = endpoint.enabled
    ? 'enabled'
    : `DISABLED since ${at(endpoint.disabled_at)}: ${endpoint.disabled_reason}`;
  return [
    `${endpoint.id}  ${endpoint.agency_id} ${endpoint.region_code}  ${endpoint.url}`,
    `  events: ${endpoint.event_types.length ? endpoint.event_types.join(', ') : 'all'}`,
    ...(endpoint.description ? [`  description: ${endpoint.description}`] : []),
    `  status: ${status}`,
    `  failures in a row: ${endpoint.consecutive_failures}; last success: ${at(endpoint.last_success_at)}; last failure: ${at(endpoint.last_failure_at)}${endpoint.last_error ? ` (${endpoint.last_error})` : ''}`,
  ].join('\n');
}

const spec = {
  name: 'webhooks',
  usage,
  options: {
    agency: { type: 'string' },
    region: { type: 'string' },
    events: { type: 'string' },
    description: { type: 'string' },
  },
  inputErrors: [OfficerInputError, WebhookInputError],
} as const;

/** `loket-server webhooks …` (dispatched by src/cli.ts). */
export const run = (args: string[], tools: CommandTools): Promise<number> =>
  runCommand(args, spec, async (command, rest, values) => {
    const config = tools.loadConfig();
    switch (command) {
      case 'add': {
        const [url, extra] = rest;
        if (!url || extra !== undefined || !values.agency || !values.region) {
          return fail('webhooks add needs --agency AGENCY --region REGION and one URL');
        }
        const { agency, region } = values;
        const types =
          values.events
            ?.split(',')
            .map((t) => t.trim())
            .filter(Boolean) ?? [];
        const created = await tools.withDb(async (db) => {
          await assertAgencyExists(db, agency);
          await assertRegionExists(db, region);
          const input = {
            agency_id: agency,
            region_code: region,
            url,
            event_types: types,
            created_by: 'cli',
          };
          return addEndpoint(
            db,
            { ...input, description: values.description ?? null },
            {
              allowPrivate: config.outbox.webhooks.allowPrivate,
              now: new Date(),
            },
          );
        });
        console.log(describe(created));
        console.log(`secret (shown once; the receiver verifies signatures with it): ${created.secret}`);
        return 0;
      }
      case 'list': {
        if (rest.length > 0) return fail('webhooks list takes no positional arguments');
        const rows = await tools.withDb((db) =>
          listEndpoints(db, { agency_id: values.agency, region_code: values.region }),
        );
        if (rows.length === 0) console.error('no webhook endpoints');
        for (const row of rows) console.log(describe(row));
        return 0;
      }
      case 'test':
        return await tools.withDb((db) => test(db, rest, config));
      case 'enable': {
        const [id, extra] = rest;
        if (!id || extra !== undefined) return fail('webhooks enable needs one ID');
        const endpoint = await tools.withDb((db) => enableEndpoint(db, id));
        if (!endpoint) return fail(`there is no webhook endpoint ${id}`);
        console.log(describe(endpoint));
        return 0;
      }
      case 'remove': {
        const [id, extra] = rest;
        if (!id || extra !== undefined) return fail('webhooks remove needs one ID');
        if (!(await tools.withDb((db) => removeEndpoint(db, id))))
          return fail(`there is no webhook endpoint ${id}`);
        console.log(`removed webhook endpoint ${id}`);
        return 0;
      }
    }
  });

/**
 * Queues a `webhook.test` on the outbox and sends it at once with the worker's own code (the
 * server may not be running: an embedded database is this process's alone while it runs).
 */
async function test(db: Db, rest: string[], config: ReturnType<CommandTools['loadConfig']>): Promise<number> {
  const [id, extra] = rest;
  if (!id || extra !== undefined) return fail('webhooks test needs one ID');
  const endpoint = await findEndpoint(db, id);
  if (!endpoint) return fail(`there is no webhook endpoint ${id}`);
  const deliveryId = await queueTest(db, endpoint, new Date());
  const quiet = { info() {}, warn() {}, error() {} };
  const outbox = createOutbox(
    db,
    { ...config.outbox, smtpUrl: undefined, apiUrl: 'http://localhost' },
    quiet,
  );
  const sent = await outbox.deliverNow(deliveryId);
  await outbox.stop();
  if (!sent) {
    console.log(`queued webhook.test ${deliveryId}; the running server's worker sends it`);
    return 0;
  }
  const [row] = await db.query<{ status: string; last_error: string | null }>(
    'select status, last_error from delivery where id = $1',
    [deliveryId],
  );
  if (row?.status === 'delivered') {
    console.log(`delivered webhook.test ${deliveryId} to ${endpoint.url}`);
    return 0;
  }
  return fail(`webhook.test ${deliveryId} to ${endpoint.url} failed: ${row?.last_error ?? 'unknown'}`);
}

import { createLoketOfficerClient, isLoketApiError, type LoketOfficerClient } from '@loket/sdk';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOfficerToken } from '../src/applications/officer-tokens.js';
import { createOutbox } from '../src/notifications/worker.js';
import { readAudit } from '../src/officers/audit.js';
import { totpCode } from '../src/officers/totp.js';
import type { AppContext } from '../src/routes/context.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { contractCheckingFetch } from './helpers/contract.js';
import { account, desk } from './helpers/desk.js';
import { memoryLog, settings } from './helpers/notify.js';
import { startReceiver, type TestReceiver } from './helpers/webhook-receiver.js';

// The officer API of webhooks through the SDK, every answer checked against the contract: an
// endpoint belongs to the token's agency and region, its secret is shown once, a test event
// arrives signed, another agency's officer cannot see, test or remove it.

let server: TestServer;
let receiver: TestReceiver;
const violations: string[] = [];

async function officerOf(target: TestServer, agency: string, region: string): Promise<LoketOfficerClient> {
  const { token } = await createOfficerToken(target.db, { name: `Uji ${agency} ${region}`, agency, region });
  return createLoketOfficerClient({ baseUrl: target.url, token, fetch: contractCheckingFetch(violations) });
}

/** The running app's webhook policy (LOKET_WEBHOOK_ALLOW_PRIVATE), read on every request. */
const policy = () => (server.app as unknown as { loket: AppContext }).loket.webhooks;

async function status(call: Promise<unknown>): Promise<number> {
  try {
    await call;
    return 200;
  } catch (error) {
    if (isLoketApiError(error)) return error.status;
    throw error;
  }
}

beforeAll(async () => {
  server = await startTestServer({ webhooks: { allowPrivate: true } });
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await server?.close();
});
afterEach(() => {
  expect(violations).toEqual([]);
});

describe('officer webhooks API', () => {
  it('adds an endpoint of the officer’s agency and region, shows its secret once, and sends a signed test event', async () => {
    const officer = await officerOf(server, 'dukcapil', '33.74');
    const created = await officer.createWebhook({
      url: receiver.url,
      event_types: ['application.needs_revision'],
      description: 'SMS gateway',
    });
    expect(created).toMatchObject({
      agency: 'dukcapil',
      region: '33.74',
      url: receiver.url,
      event_types: ['application.needs_revision'],
      enabled: true,
      disabled_reason: null,
      consecutive_failures: 0,
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const { data } = await officer.listWebhooks();
    expect(data.map((e) => e.id)).toEqual([created.id]);
    expect(JSON.stringify(data)).not.toContain(created.secret.slice(6));

    const { delivery_id } = await officer.testWebhook(created.id);
    const outbox = createOutbox(server.db, settings(undefined), memoryLog());
    expect(await outbox.runOnce()).toBe(1);
    await outbox.stop();
    const [request] = receiver.received;
    expect(request?.headers['webhook-id']).toBe(delivery_id);
    const headers = Object.fromEntries(
      ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [h, String(request?.headers[h])]),
    );
    expect(new Webhook(created.secret).verify(request?.body ?? '', headers)).toMatchObject({
      type: 'webhook.test',
      data: { endpoint_id: created.id },
    });
    expect((await officer.listWebhooks()).data[0]?.last_success_at).not.toBeNull();
  });

  it("keeps another agency's or region's officer out (404, as if absent); a province officer sees its kota's", async () => {
    const owner = await officerOf(server, 'dukcapil', '33.74');
    const created = await owner.createWebhook({ url: `${receiver.url}/scoped` });
    const imigrasi = await officerOf(server, 'imigrasi', '33.74');
    const surakarta = await officerOf(server, 'dukcapil', '33.72');
    const province = await officerOf(server, 'dukcapil', '33');
    for (const other of [imigrasi, surakarta]) {
      expect((await other.listWebhooks()).data.map((e) => e.id)).not.toContain(created.id);
      expect(await status(other.testWebhook(created.id))).toBe(404);
      expect(await status(other.enableWebhook(created.id))).toBe(404);
      expect(await status(other.removeWebhook(created.id))).toBe(404);
    }
    expect((await province.listWebhooks()).data.map((e) => e.id)).toContain(created.id);
    expect((await owner.listWebhooks()).data.map((e) => e.id)).toContain(created.id);
    await owner.removeWebhook(created.id);
    expect((await owner.listWebhooks()).data.map((e) => e.id)).not.toContain(created.id);
    expect(await status(owner.removeWebhook(created.id))).toBe(404);
  });

  it('refuses http:// to the internet, and private addresses unless the server allows them, with the reason', async () => {
    // As the server is by default (LOKET_WEBHOOK_ALLOW_PRIVATE unset).
    policy().allowPrivate = false;
    const officer = await officerOf(server, 'dukcapil', '33.74');
    const refusal = async (url: string) => {
      try {
        await officer.createWebhook({ url });
      } catch (error) {
        if (isLoketApiError(error)) return { status: error.status, detail: error.errors?.[0] };
        throw error;
      }
      return null;
    };
    expect(await refusal('http://sms.example.go.id/loket')).toEqual({
      status: 422,
      detail: { pointer: '/url', detail: expect.stringMatching(/must use https/) },
    });
    for (const url of [
      receiver.url,
      'https://10.1.2.3/hook',
      'https://192.168.1.10/hook',
      'https://[::1]/hook',
    ]) {
      expect((await refusal(url))?.detail?.detail).toMatch(/LOKET_WEBHOOK_ALLOW_PRIVATE/);
    }
    expect(await refusal('https://user:pw@sms.example.go.id/')).toMatchObject({ status: 422 });
    expect(await status(officer.createWebhook({ url: 'https://sms.example.go.id/loket' }))).toBe(200);
    policy().allowPrivate = true;
  });

  it('audits adding, testing, enabling and removing as named events, by token or desk admin, never the secret', async () => {
    const actions = async () => {
      const rows = await readAudit(server.db, { limit: 200 });
      return rows.filter((e) => e.event.startsWith('webhook-')).reverse();
    };
    const before = (await actions()).length;
    const officer = await officerOf(server, 'dukcapil', '33.74');
    const created = await officer.createWebhook({
      url: `${receiver.url}/audited`,
      event_types: ['visit.called'],
    });
    await officer.testWebhook(created.id);
    await officer.enableWebhook(created.id);
    await officer.removeWebhook(created.id);
    const described = { id: created.id, region: '33.74', url: created.url, eventTypes: ['visit.called'] };
    const byToken = (await actions()).slice(before);
    expect(byToken.map((e) => [e.event, e.actor, e.token_id !== null, e.account_id])).toEqual(
      ['webhook-added', 'webhook-tested', 'webhook-enabled', 'webhook-removed'].map((event) => [
        event,
        'token:Uji dukcapil 33.74',
        true,
        null,
      ]),
    );
    expect(byToken.map((e) => e.detail)).toEqual([
      described,
      { ...described, delivery: expect.any(String) },
      described,
      described,
    ]);
    expect(JSON.stringify(byToken)).not.toContain(created.secret.slice(6));

    // The same actions from the desk (an admin's session) name the account.
    const admin = await account(server.db, { username: 'admin.webhook', roles: ['admin'] });
    const d = desk(() => server.url);
    const signIn = await d.signIn('admin.webhook', undefined, totpCode(admin.totpSecret ?? '', new Date()));
    const csrf = (signIn.body as { csrf: string }).csrf;
    const add = await d.call('POST', '/v1/officer/webhooks', { csrf, body: { url: `${receiver.url}/desk` } });
    expect(add.status).toBe(201);
    const id = (add.body as { id: string }).id;
    expect((await d.call('DELETE', `/v1/officer/webhooks/${id}`, { csrf })).status).toBe(204);
    expect((await d.call('DELETE', `/v1/officer/webhooks/${id}`, { csrf })).status).toBe(404);
    const byDesk = (await actions()).slice(before + 4);
    expect(byDesk.map((e) => [e.event, e.actor, e.username, e.detail.id])).toEqual([
      ['webhook-added', 'officer:admin.webhook', 'admin.webhook', id],
      ['webhook-removed', 'officer:admin.webhook', 'admin.webhook', id],
    ]);
  });
});

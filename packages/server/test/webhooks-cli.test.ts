import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../src/cli/webhooks.js';
import { loadConfig } from '../src/config.js';
import type { Db } from '../src/db/index.js';
import { createTestDb } from './helpers/db.js';
import { startReceiver, type TestReceiver } from './helpers/webhook-receiver.js';

// `loket-server webhooks …` on a real database, sending to a real HTTP receiver; and the Node
// verification snippet of docs/notifications.md, run as published against that real delivery.

let db: Db;
let receiver: TestReceiver;
let dir: string;
beforeAll(async () => {
  db = await createTestDb();
  receiver = await startReceiver();
  dir = await mkdtemp(join(tmpdir(), 'loket-webhook-docs-'));
});
afterAll(async () => {
  await receiver?.close();
  await db?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs the command against the test database with this environment, capturing what it prints. */
async function webhooks(env: Record<string, string>, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void out.push(parts.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void err.push(parts.join(' ')));
  const withDb = <T>(fn: (db: Db) => Promise<T>) => fn(db);
  const code = await run(args, { withDb: withDb as never, loadConfig: () => loadConfig(env) });
  vi.restoreAllMocks();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const allowed = { LOKET_WEBHOOK_ALLOW_PRIVATE: '1', LOKET_WEBHOOK_TIMEOUT_MS: '2000' };

/** The docs' Node snippet, as published, imported as a module. */
async function docsVerifier() {
  const docs = await readFile(new URL('../../../docs/notifications.md', import.meta.url), 'utf8');
  const block = /<!-- verify-node[^>]*-->\s*```js\n([\s\S]*?)```/.exec(docs)?.[1];
  if (!block) throw new Error('docs/notifications.md has no verify-node block');
  const file = join(dir, 'verify.mjs');
  await writeFile(file, block);
  const module = (await import(pathToFileURL(file).href)) as {
    verifyLoketWebhook: (secret: string, headers: object, body: string, tolerance?: number) => unknown;
  };
  return { verify: module.verifyLoketWebhook, docs };
}

/** Is PHP here? CI installs it (.ci/run); elsewhere the PHP snippet's test says it was skipped. */
const php = await promisify(execFile)('php', ['--version']).then(
  () => true,
  () => false,
);

/** The docs' PHP function, as published, run by PHP on one request: its answer or its refusal. */
async function phpVerify(secret: string, headers: object, body: string): Promise<string> {
  const docs = await readFile(new URL('../../../docs/notifications.md', import.meta.url), 'utf8');
  const block = /```php\n([\s\S]*?)\/\/ The endpoint itself:/.exec(docs)?.[1];
  if (!block) throw new Error('docs/notifications.md has no PHP verification function');
  await writeFile(join(dir, 'input.json'), JSON.stringify({ secret, headers, body }));
  const driver = `${block}
$input = json_decode(file_get_contents($argv[1]), true);
try {
    echo json_encode(verify_loket_webhook($input['secret'], $input['headers'], $input['body']));
} catch (RuntimeException $e) {
    echo 'refused: ' . $e->getMessage();
}`;
  await writeFile(join(dir, 'verify.php'), driver);
  const { stdout } = await promisify(execFile)('php', [join(dir, 'verify.php'), join(dir, 'input.json')]);
  return stdout;
}

describe('loket-server webhooks', () => {
  it('adds an endpoint (secret shown once), tests it with a signed delivery the docs snippet verifies, enables and removes it', async () => {
    const added = await webhooks(
      allowed,
      'add',
      '--agency',
      'dukcapil',
      '--region',
      '33.74',
      receiver.url,
      '--events',
      'application.completed',
      '--description',
      'SMS gateway',
    );
    expect(added.code).toBe(0);
    const id = /^([0-9a-f-]{36}) {2}dukcapil 33\.74 {2}/m.exec(added.out)?.[1] as string;
    const secret = /secret \(shown once[^)]*\): (whsec_\S+)$/m.exec(added.out)?.[1] as string;
    expect(id).toBeDefined();
    expect(secret).toMatch(/^whsec_/);
    expect(added.out).toMatch(/events: application\.completed/);

    const listed = await webhooks(allowed, 'list', '--agency', 'dukcapil');
    expect(listed.out).toContain(id);
    expect(listed.out).not.toContain(secret.slice(6));

    const tested = await webhooks(allowed, 'test', id);
    expect(tested).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^delivered webhook\.test [0-9a-f]{64}/),
    });
    const [request] = receiver.received;
    const { verify } = await docsVerifier();
    expect(verify(secret, request?.headers ?? {}, request?.body ?? '')).toMatchObject({
      type: 'webhook.test',
      data: { endpoint_id: id },
    });
    // The snippet refuses what it must refuse.
    const headers = request?.headers ?? {};
    expect(() => verify(secret, headers, `${request?.body} `)).toThrow(/does not match/);
    expect(() =>
      verify(`whsec_${Buffer.alloc(32, 7).toString('base64')}`, headers, request?.body ?? ''),
    ).toThrow(/does not match/);
    expect(() => verify(secret, headers, request?.body ?? '', -1)).toThrow(/timestamp/);
    expect(() => verify(secret, { ...headers, 'webhook-signature': undefined }, request?.body ?? '')).toThrow(
      /not a signed webhook/,
    );

    receiver.answer(500);
    const failed = await webhooks(allowed, 'test', id);
    expect(failed).toMatchObject({ code: 1, err: expect.stringMatching(/failed: HTTP 500/) });

    await db.query(
      `update webhook_endpoint set enabled = false, disabled_reason = 'by the test' where id = $1`,
      [id],
    );
    expect((await webhooks(allowed, 'list')).out).toMatch(/DISABLED since .*: by the test/);
    expect((await webhooks(allowed, 'enable', id)).out).toMatch(/status: enabled/);

    expect(await webhooks(allowed, 'remove', id)).toMatchObject({
      code: 0,
      out: `removed webhook endpoint ${id}`,
    });
    expect(await webhooks(allowed, 'remove', id)).toMatchObject({
      code: 1,
      err: expect.stringMatching(/no webhook endpoint/),
    });
  });

  it('refuses http:// to the internet, private addresses without LOKET_WEBHOOK_ALLOW_PRIVATE, unknown agencies and regions', async () => {
    const add = (env: Record<string, string>, url: string, agency = 'dukcapil', region = '33.74') =>
      webhooks(env, 'add', '--agency', agency, '--region', region, url);
    expect((await add(allowed, 'http://sms.example.go.id/')).err).toMatch(/must use https:\/\//);
    expect((await add({}, receiver.url)).err).toMatch(/LOKET_WEBHOOK_ALLOW_PRIVATE=1/);
    expect((await add({}, 'https://172.20.0.5/hook')).err).toMatch(/private or local address/);
    expect((await add({}, 'https://sms.example.go.id/', 'nope')).err).toMatch(/there is no agency "nope"/);
    expect((await add({}, 'https://sms.example.go.id/', 'dukcapil', '99.99')).err).toMatch(/no region/);
    expect((await webhooks({}, 'list')).out).toBe('');
  });

  it.skipIf(!php)(
    "verifies a real delivery with the docs' PHP function, and refuses a changed one",
    async () => {
      const added = await webhooks(
        allowed,
        'add',
        '--agency',
        'dukcapil',
        '--region',
        '33.74',
        `${receiver.url}/php`,
      );
      const id = /^([0-9a-f-]{36}) /m.exec(added.out)?.[1] as string;
      const secret = /(whsec_\S+)$/m.exec(added.out)?.[1] as string;
      expect((await webhooks(allowed, 'test', id)).code).toBe(0);
      const request = receiver.received.find((r) => r.path === '/loket/php');
      const headers = { ...request?.headers, 'Webhook-Id': request?.headers['webhook-id'] };
      const answer = JSON.parse(await phpVerify(secret, headers, request?.body ?? ''));
      expect(answer).toMatchObject({ type: 'webhook.test', data: { endpoint_id: id } });
      expect(await phpVerify(secret, headers, `${request?.body} `)).toBe(
        'refused: webhook signature does not match',
      );
      await webhooks(allowed, 'remove', id);
    },
  );

  it("publishes a request example whose signature verifies with the docs' own snippet", async () => {
    const { verify, docs } = await docsVerifier();
    const example = /Signed with the example secret `(whsec_[^`]+)`[\s\S]*?```http\n([\s\S]*?)```/.exec(docs);
    const [, secret = '', http = ''] = example ?? [];
    const [head = '', body = ''] = http.split('\n\n');
    const headers = Object.fromEntries(
      head
        .split('\n')
        .slice(1)
        .map((line) => line.split(': ') as [string, string]),
    );
    expect(verify(secret, headers, body.trim(), Number.POSITIVE_INFINITY)).toMatchObject({
      type: 'application.needs_revision',
    });
  });
});

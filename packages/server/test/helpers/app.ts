import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type AppOptions, buildApp } from '../../src/app.js';
import { loadNationalComplaintChannels } from '../../src/complaints.js';
import type { Db } from '../../src/db/index.js';
import type { Limits } from '../../src/limits.js';
import { createTestDb } from './db.js';
import { limitsOf } from './limits.js';

export interface TestServer {
  app: FastifyInstance;
  db: Db;
  /** Base URL of the real server listening on 127.0.0.1 on a random port. */
  url: string;
  /** This server's own temporary attachment storage. */
  uploadsDir: string;
  close(): Promise<void>;
}

/**
 * Limits no test reaches by accident (tests make thousands of requests from one address); the
 * limits themselves are tested with their real values (rate-limits.test.ts, quotas.test.ts).
 */
export const generousLimits = limitsOf(1_000_000);

/** The real app over real HTTP on port 0, on a fresh seeded database of this project's engine. */
export async function startTestServer(
  options: { now?: () => Date; limits?: Partial<Limits>; db?: Db } & Pick<
    AppOptions,
    'timeouts' | 'trustProxy' | 'webhooks' | 'oidc' | 'mail'
  > = {},
): Promise<TestServer> {
  const db = options.db ?? (await createTestDb());
  const uploadsDir = await mkdtemp(join(tmpdir(), 'loket-uploads-'));
  // Tests change the catalogue between requests: check its version on every request.
  const app = await buildApp({
    db,
    nationalComplaintChannels: await loadNationalComplaintChannels(),
    responseCache: { maxBytes: 8 * 1024 * 1024, checkEveryMs: 0 },
    uploadsDir,
    limits: { ...generousLimits, ...options.limits },
    // As a server with LOKET_SMTP_URL: the forms offer news by e-mail (tests send it to a real SMTP server).
    mail: options.mail ?? true,
    ...(options.now ? { now: options.now } : {}),
    ...(options.timeouts ? { timeouts: options.timeouts } : {}),
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
    ...(options.webhooks ? { webhooks: options.webhooks } : {}),
    ...(options.oidc ? { oidc: options.oidc } : {}),
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app,
    db,
    url,
    uploadsDir,
    async close() {
      await app.close();
      await db.close();
      await rm(uploadsDir, { recursive: true, force: true });
    },
  };
}

import { type Limits, limitsFromEnv, trustProxyFromEnv } from './limits.js';
import type { WebhookSettings } from './notifications/webhook-deliver.js';
import type { OutboxSettings } from './notifications/worker.js';
import { type OidcSettings, oidcFromEnv } from './officers/oidc.js';

/** Every setting comes from the environment; defaults make `pnpm start` work with no setup. */
export interface Config {
  host: string;
  port: number;
  /** PostgreSQL URL; when unset the embedded PGlite database is used. */
  databaseUrl: string | undefined;
  /** Where PGlite keeps its files (and, later, uploads). */
  dataDir: string;
  logLevel: string;
  /** Seconds shared caches and browsers may keep catalogue responses. */
  cacheMaxAge: number;
  /** Public base URL shown in the API reference (`servers`). */
  publicUrl: string | undefined;
  /** The officer desk's build, served at /petugas/ (default: packages/components/dist-desk). */
  deskDir: string | undefined;
  /** Megabytes of serialized catalogue responses kept in memory (0 = no response cache). */
  responseCacheMb: number;
  /** How often (ms) an instance checks whether the catalogue changed (drops its cache if so). */
  catalogueCheckMs: number;
  /** Drafts untouched for this many days are deleted by `purge-drafts`. */
  draftRetentionDays: number;
  /** Milliseconds to receive a request's headers, then the whole request with its body (408 after). */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** Rate limits, lockout and quotas (docs/security.md). */
  limits: Limits;
  /** Reverse proxies whose X-Forwarded-For gives the client address (Fastify's `trustProxy`). */
  trustProxy: number | string[] | false;
  /** Fewest survey responses for a cell of the satisfaction index to be published (docs/assessment.md). */
  skmMinResponses: number;
  /** The desk's sessions: idle and absolute timeouts (docs/officers.md). */
  sessions: { idleMs: number; absoluteMs: number };
  /** Single sign-on for the desk with OpenID Connect (LOKET_OIDC_*), when LOKET_OIDC_ISSUER is set. */
  oidc: OidcSettings | undefined;
  /** Notifications (docs/notifications.md); `apiUrl` falls back to the address listened on. */
  outbox: Omit<OutboxSettings, 'apiUrl'> & { apiUrl: string | undefined };
}

export type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

/** Webhook delivery (docs/notifications.md); the officer API's URL check reads `allowPrivate` too. */
export function webhooksFromEnv(env: Env): WebhookSettings {
  const allow = (env.LOKET_WEBHOOK_ALLOW_PRIVATE ?? '').toLowerCase();
  if (!['', '0', '1', 'true', 'false'].includes(allow)) {
    throw new Error(`LOKET_WEBHOOK_ALLOW_PRIVATE must be 1 or 0, got "${env.LOKET_WEBHOOK_ALLOW_PRIVATE}"`);
  }
  const disableAfter = integer(env, 'LOKET_WEBHOOK_DISABLE_AFTER', 20);
  if (disableAfter < 1) throw new Error('LOKET_WEBHOOK_DISABLE_AFTER must be at least 1');
  return {
    timeoutMs: integer(env, 'LOKET_WEBHOOK_TIMEOUT_MS', 10_000),
    disableAfter,
    allowPrivate: allow === '1' || allow === 'true',
  };
}

export function loadConfig(env: Env = process.env): Config {
  return {
    host: env.HOST ?? '127.0.0.1',
    port: integer(env, 'PORT', 8080),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.LOKET_DATA_DIR ?? './data',
    logLevel: env.LOG_LEVEL ?? 'info',
    cacheMaxAge: integer(env, 'LOKET_CACHE_MAX_AGE', 300),
    publicUrl: env.LOKET_PUBLIC_URL || undefined,
    deskDir: env.LOKET_DESK_DIR || undefined,
    responseCacheMb: integer(env, 'LOKET_RESPONSE_CACHE_MB', 32),
    catalogueCheckMs: integer(env, 'LOKET_CATALOGUE_CHECK_MS', 1000),
    draftRetentionDays: integer(env, 'LOKET_DRAFT_RETENTION_DAYS', 30),
    headersTimeoutMs: integer(env, 'LOKET_HEADERS_TIMEOUT_MS', 10_000),
    requestTimeoutMs: integer(env, 'LOKET_REQUEST_TIMEOUT_MS', 120_000),
    limits: limitsFromEnv(env, integer),
    trustProxy: trustProxyFromEnv(env.LOKET_TRUST_PROXY),
    skmMinResponses: Math.max(1, integer(env, 'LOKET_SKM_MIN_RESPONSES', 10)),
    sessions: {
      idleMs: Math.max(1, integer(env, 'LOKET_SESSION_IDLE_MINUTES', 30)) * 60_000,
      absoluteMs: Math.max(1, integer(env, 'LOKET_SESSION_MAX_HOURS', 12)) * 3_600_000,
    },
    oidc: oidcFromEnv(env),
    outbox: {
      smtpUrl: env.LOKET_SMTP_URL || undefined,
      mailFrom: env.LOKET_MAIL_FROM || 'Loket <loket@localhost>',
      trackerUrl: env.LOKET_TRACKER_URL || undefined,
      bookingUrl: env.LOKET_BOOKING_URL || undefined,
      complaintUrl: env.LOKET_COMPLAINT_URL || undefined,
      surveyUrl: env.LOKET_SURVEY_URL || undefined,
      apiUrl: env.LOKET_PUBLIC_URL || undefined,
      pollMs: integer(env, 'LOKET_OUTBOX_POLL_MS', 1000),
      leaseMs: integer(env, 'LOKET_OUTBOX_LEASE_MS', 60_000),
      retryMs: integer(env, 'LOKET_OUTBOX_RETRY_MS', 30_000),
      maxAttempts: integer(env, 'LOKET_OUTBOX_MAX_ATTEMPTS', 8),
      webhooks: webhooksFromEnv(env),
    },
  };
}

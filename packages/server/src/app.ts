import { randomUUID } from 'node:crypto';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import openapiGlue from 'fastify-openapi-glue';
import type { NationalChannel } from './catalogue/present.js';
import type { Db } from './db/index.js';
import { loadContract, registerDocs } from './docs.js';
import { registerCatalogueCaching } from './http/cache.js';
import { registerCachedHits } from './http/cached-hits.js';
import { clientErrorHandler } from './http/client-errors.js';
import { registerCompression } from './http/compression.js';
import { registerCors } from './http/cors.js';
import { defaultDeskDir, registerDesk } from './http/desk.js';
import { registerSecurityHeaders } from './http/headers.js';
import { bodyRules, registerBodyRules, registerTextCheck } from './http/input.js';
import { registerUploads, takesUpload } from './http/multipart.js';
import { registerContentNegotiation } from './http/negotiate.js';
import { frameworkErrorHandler, registerProblemHandlers } from './http/problems.js';
import { rateCheck, registerRateLimits } from './http/rate-limit.js';
import { ResponseCache } from './http/response-cache.js';
import { securityHandlers } from './http/security.js';
import { registerValidation } from './http/validation.js';
import { sweepVisitsNowAndThen } from './http/visit-sweeps.js';
import { defaultLimits, type Limits } from './limits.js';
import { registerRequestAudit } from './officers/desk-hooks.js';
import { OidcClient, type OidcSettings } from './officers/oidc.js';
import { requireRole, roleRules } from './officers/roles.js';
import { defaultSessionSettings, type SessionSettings } from './officers/sessions.js';
import { applicationHandlers } from './routes/applications.js';
import { attachmentHandlers } from './routes/attachments.js';
import type { BoardOptions } from './routes/board.js';
import { catalogueHandlers } from './routes/catalogue.js';
import { complaintHandlers } from './routes/complaints.js';
import type { AppContext } from './routes/context.js';
import { hallHandlers } from './routes/hall.js';
import { healthHandlers } from './routes/health.js';
import { lifeEventHandlers } from './routes/life-events.js';
import { notificationHandlers, registerFormBodies } from './routes/notifications.js';
import { officerHandlers } from './routes/officer.js';
import { officerAdminHandlers } from './routes/officer-admin.js';
import { officerSessionHandlers } from './routes/officer-session.js';
import { officerSsoHandlers } from './routes/officer-sso.js';
import { performanceHandlers } from './routes/performance.js';
import { recoveryHandlers, registerAfterResponse } from './routes/recovery.js';
import { regionHandlers } from './routes/regions.js';
import { resultHandlers } from './routes/results.js';
import { surveyHandlers } from './routes/survey.js';
import { type Boards, visitHandlers } from './routes/visits.js';
import { webhookHandlers } from './routes/webhooks.js';
import { registerSite } from './site/routes.js';

export interface AppOptions {
  db: Db;
  nationalComplaintChannels: NationalChannel[];
  logger?: FastifyServerOptions['logger'];
  cacheMaxAge?: number;
  publicUrl?: string | undefined;
  /** Where uploaded attachments are kept. */
  uploadsDir?: string;
  /** The clock (tests only). */
  now?: () => Date;
  /** In-memory cache of serialized catalogue responses; `false` turns it off. */
  responseCache?: { maxBytes: number; checkEveryMs: number } | false;
  /** Rate limits, lockout and quotas; any left out keep their defaults (limits.ts). */
  limits?: Partial<Limits>;
  /** Reverse proxies whose X-Forwarded-For gives the client address (Fastify's `trustProxy`); none by default. */
  trustProxy?: number | string[] | false;
  /** Time allowed to receive a request's headers, and the whole request with its body (ms). */
  timeouts?: { headersMs: number; requestMs: number };
  /** Fewest survey responses for a cell of the satisfaction index to be published (default 10). */
  skmMinResponses?: number;
  /** Whether e-mail is sent (LOKET_SMTP_URL is set); off by default: no form offers news by e-mail. */
  mail?: boolean;
  /** Whether officers may add webhook endpoints on private addresses (off by default). */
  webhooks?: { allowPrivate: boolean };
  /** How often a queue board's stream looks for new calls, and sends a keep-alive (ms). */
  board?: Partial<BoardOptions>;
  /** Where the officer desk's build is (served at /petugas/); default: packages/components/dist-desk. */
  deskDir?: string | undefined;
  /** The citizen components' loader (served at /katalog/loket/); default: packages/components/dist/loket. */
  componentsDir?: string | undefined;
  /** The desk's session timeouts (docs/officers.md). */
  sessions?: Partial<SessionSettings>;
  /** Single sign-on with OpenID Connect for the desk (LOKET_OIDC_*); none by default. */
  oidc?: OidcSettings | undefined;
}

export const defaultTimeouts = { headersMs: 10_000, requestMs: 120_000 };

const requestId = /^[A-Za-z0-9._-]{1,64}$/;

/** Public catalogue data: cached, ETagged, readable from any origin. Never applications. */
const cataloguePaths = /^\/v1\/(services|categories|agencies|life-events|regions)(\/|$)/;

type Responses = Record<string, { content?: Record<string, unknown> }>;
type Contract = {
  paths?: Record<string, Record<string, { responses?: Responses }>>;
  components?: { responses?: Responses };
};

/**
 * The contract as fastify-openapi-glue gets it: without response media types other than JSON.
 * Glue warns about every media type of the contract, responses included, that has no request
 * body parser ("ContentTypeParser for 'application/pdf' not found": the attachment download's
 * types). Responses need no parser, and a non-JSON one is streamed and never serialized, so its
 * schema does nothing here; the served contract keeps it.
 */
function contractForRoutes(contract: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(contract) as Contract;
  const responses = [
    ...Object.values(copy.paths ?? {}).flatMap((item) =>
      Object.values(item).flatMap((operation) => Object.values(operation?.responses ?? {})),
    ),
    ...Object.values(copy.components?.responses ?? {}),
  ];
  for (const response of responses) {
    if (!response.content) continue;
    response.content = Object.fromEntries(
      Object.entries(response.content).filter(([type]) => /^application\/([\w.-]+\+)?json$/.test(type)),
    );
  }
  return copy as Record<string, unknown>;
}

/**
 * The HTTP API. Routes, parameters and request validation come from openapi/loket.yaml through
 * fastify-openapi-glue; handlers are bound by operationId.
 */
export async function buildApp(
  options: AppOptions,
): Promise<FastifyInstance & { loket: AppContext; operations: string[] }> {
  const timeouts = options.timeouts ?? defaultTimeouts;
  const app = Fastify({
    logger: options.logger ?? false,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && requestId.test(given) ? given : randomUUID();
    },
    // Bound untrusted input early: long URLs and bodies are refused before any handler runs.
    routerOptions: { maxParamLength: 200 },
    bodyLimit: 1024 * 1024,
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
    // Bound time too: a client trickling its headers or body is cut with a 408 problem.
    requestTimeout: timeouts.requestMs,
    http: {
      headersTimeout:
        timeouts.requestMs > 0 ? Math.min(timeouts.headersMs, timeouts.requestMs) : timeouts.headersMs,
      // How often Node checks these timeouts (its default, 30 s, would let a request run that much over).
      connectionsCheckingInterval: Math.max(250, Math.min(1000, timeouts.headersMs / 4)),
    },
    // A hop count as the function Fastify makes of one (its types take no number).
    trustProxy:
      typeof options.trustProxy === 'number'
        ? (
            (hops: number) => (_address: string, hop: number) =>
              hop < hops
          )(options.trustProxy)
        : (options.trustProxy ?? false),
  });
  const limits: Limits = { ...defaultLimits, ...options.limits };
  registerValidation(app);
  const ctx: AppContext = {
    db: options.db,
    nationalComplaintChannels: options.nationalComplaintChannels,
    accepting: true,
    uploadsDir: options.uploadsDir ?? './data/uploads',
    now: options.now ?? (() => new Date()),
    limits,
    skmMinResponses: options.skmMinResponses ?? 10,
    mail: options.mail ?? false,
    webhooks: { allowPrivate: options.webhooks?.allowPrivate ?? false },
    desk: {
      sessions: { ...defaultSessionSettings, ...options.sessions },
      now: options.now ?? (() => new Date()),
      publicUrl: options.publicUrl,
    },
  };

  const { responseCache = { maxBytes: 32 * 1024 * 1024, checkEveryMs: 1000 } } = options;
  const cache = responseCache ? new ResponseCache(options.db, responseCache) : null;
  const maxAge = options.cacheMaxAge ?? 300;
  const checkRate = rateCheck(app, options.db, limits);
  // First of all: a catalogue answer the cache holds is sent from here, with the headers the
  // hooks below would add (and counted against the rate limit).
  if (cache) registerCachedHits(app, cache, maxAge, checkRate);
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    done(null, payload);
  });
  registerProblemHandlers(app);
  registerSecurityHeaders(app);
  registerContentNegotiation(app);
  await registerCors(app, options.db);
  registerRateLimits(app, checkRate);
  // After CORS, so that answers to be cached carry the CORS headers too.
  registerCatalogueCaching(app, maxAge, cache);
  // After the caching: the ETag is taken over the uncompressed bytes.
  await registerCompression(app);

  // The contract names problem+json as a media type; parse it like JSON wherever it arrives.
  app.addContentTypeParser(
    'application/problem+json',
    { parseAs: 'string' },
    app.getDefaultJsonParser('error', 'error'),
  );
  registerFormBodies(app);
  registerAfterResponse(app);
  registerRequestAudit(app, options.db);
  const contract = loadContract();
  const boards: Boards = { open: new Set(), options: { pollMs: 500, heartbeatMs: 15_000, ...options.board } };
  // Open board streams end before the server closes (they would keep it waiting).
  app.addHook('preClose', async () => {
    for (const end of [...boards.open]) end();
  });
  sweepVisitsNowAndThen(app, options.db, ctx.now);
  const handlers: Record<string, unknown> = {
    ...catalogueHandlers(ctx),
    ...lifeEventHandlers(ctx),
    ...regionHandlers(ctx),
    ...healthHandlers(ctx),
    ...applicationHandlers(ctx),
    ...attachmentHandlers(ctx),
    ...officerHandlers(ctx),
    ...officerAdminHandlers(ctx),
    ...officerSessionHandlers(ctx),
    ...officerSsoHandlers(ctx, options.oidc ? new OidcClient(options.oidc) : undefined),
    ...webhookHandlers(ctx),
    ...notificationHandlers(ctx),
    ...resultHandlers(ctx),
    ...surveyHandlers(ctx),
    ...performanceHandlers(ctx),
    ...visitHandlers(ctx, boards),
    ...hallHandlers(ctx),
    ...recoveryHandlers(ctx),
    ...complaintHandlers(ctx),
  };
  registerUploads(app, ctx);
  const bodies = bodyRules(contract);
  const needs = roleRules(contract);
  registerBodyRules(app);
  registerTextCheck(app);
  // Uploads are streamed to storage as they arrive, so there is no parsed body to validate: the
  // multipart parts are checked by the handler (field, type by content, size) instead.
  app.addHook('onRoute', (route) => {
    if (typeof route.method === 'string' && takesUpload(route.method, route.url) && route.schema) {
      const { body: _multipart, ...schema } = route.schema;
      route.schema = schema;
    }
  });
  await app.register(openapiGlue, {
    specification: contractForRoutes(contract),
    securityHandlers: securityHandlers(options.db, limits.lockout, ctx.desk, ctx.now),
    // Route options returned here are spread over glue's own (method, url, schema from the contract).
    // A missing handler becomes glue's "not implemented" error; test/operations.test.ts fails the
    // build while any operation of the contract has no handler.
    operationResolver: ((operationId: string, method: string, path: string) => {
      const found = handlers[operationId];
      if (typeof found !== 'function') return {};
      const role = needs.get(operationId);
      // The operation's x-loket-role, checked once the security handler has named the officer.
      const handler = role
        ? async function withRole(this: unknown, request: FastifyRequest, reply: FastifyReply) {
            requireRole(request.officer, role);
            return found.call(this, request, reply);
          }
        : found;
      return {
        handler,
        config: { catalogue: method === 'GET' && cataloguePaths.test(path), body: bodies.get(operationId) },
      };
    }) as never,
  });
  await registerDocs(app, contract, options.publicUrl);
  registerDesk(app, options.deskDir ?? defaultDeskDir);
  registerSite(app, ctx, options.publicUrl, options.componentsDir);
  return Object.assign(app, { loket: ctx, operations: Object.keys(handlers) }) as FastifyInstance & {
    loket: AppContext;
    /** The operationIds this app has handlers for. */
    operations: string[];
  };
}

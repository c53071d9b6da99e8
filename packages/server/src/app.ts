import { randomUUID } from 'node:crypto';
import cors from '@fastify/cors';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import openapiGlue from 'fastify-openapi-glue';
import type { NationalChannel } from './catalogue/present.js';
import type { Db } from './db/index.js';
import { loadContract, registerDocs } from './docs.js';
import { registerCatalogueCaching } from './http/cache.js';
import { registerContentNegotiation } from './http/negotiate.js';
import { frameworkErrorHandler, registerProblemHandlers } from './http/problems.js';
import { ResponseCache } from './http/response-cache.js';
import { catalogueHandlers } from './routes/catalogue.js';
import type { AppContext } from './routes/context.js';
import { healthHandlers } from './routes/health.js';
import { regionHandlers } from './routes/regions.js';

export interface AppOptions {
  db: Db;
  nationalComplaintChannels: NationalChannel[];
  logger?: FastifyServerOptions['logger'];
  cacheMaxAge?: number;
  publicUrl?: string | undefined;
  /** In-memory cache of serialized catalogue responses; `false` turns it off. */
  responseCache?: { maxBytes: number; checkEveryMs: number } | false;
}

const requestId = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The HTTP API. Routes, parameters and request validation come from openapi/loket.yaml through
 * fastify-openapi-glue; handlers are bound by operationId.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance & { loket: AppContext }> {
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
    ajv: { customOptions: { strict: false, coerceTypes: 'array', allErrors: true } },
  });
  const ctx: AppContext = {
    db: options.db,
    nationalComplaintChannels: options.nationalComplaintChannels,
    accepting: true,
  };

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerProblemHandlers(app);
  registerContentNegotiation(app);
  // The catalogue is public data read from other origins' pages.
  await app.register(cors, {
    origin: '*',
    methods: ['GET', 'HEAD'],
    allowedHeaders: ['Accept', 'Accept-Language', 'If-None-Match', 'X-Request-Id'],
    exposedHeaders: ['ETag', 'Content-Language', 'X-Request-Id'],
    maxAge: 86400,
  });
  // After CORS, so that responses served from the cache carry the CORS headers too.
  const { responseCache = { maxBytes: 32 * 1024 * 1024, checkEveryMs: 1000 } } = options;
  registerCatalogueCaching(
    app,
    options.cacheMaxAge ?? 300,
    responseCache ? new ResponseCache(options.db, responseCache) : null,
  );

  // The contract names problem+json as a media type; parse it like JSON wherever it arrives.
  app.addContentTypeParser(
    'application/problem+json',
    { parseAs: 'string' },
    app.getDefaultJsonParser('error', 'error'),
  );
  const contract = loadContract();
  const handlers: Record<string, unknown> = {
    ...catalogueHandlers(ctx),
    ...regionHandlers(ctx),
    ...healthHandlers(ctx),
  };
  await app.register(openapiGlue, {
    specification: contract,
    // Route options returned here are spread over glue's own (method, url, schema from the contract).
    operationResolver: ((operationId: string, _method: string, path: string) => {
      const handler = handlers[operationId];
      if (typeof handler !== 'function') throw new Error(`no handler for operation ${operationId}`);
      return { handler, config: { catalogue: path.startsWith('/v1/') } };
    }) as never,
  });
  await registerDocs(app, contract, options.publicUrl);
  return Object.assign(app, { loket: ctx }) as FastifyInstance & { loket: AppContext };
}

import type { components } from '@loket/sdk/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { iso } from '../applications/present.js';
import type { Officer } from '../applications/security.js';
import { pickLang } from '../http/lang.js';
import { say } from '../messages/index.js';
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
import { auditAction } from '../officers/audit.js';
import { problem } from '../problem.js';
import type { AppContext, OperationRequest } from './context.js';

type Endpoint = components['schemas']['WebhookEndpoint'];

const when = (value: Date | string | null) => (value === null ? null : iso(value));

/** An endpoint as the contract shows it: never its secret. */
export function presentEndpoint(row: WebhookEndpoint): Endpoint {
  return {
    id: row.id,
    agency: row.agency_id,
    region: row.region_code,
    url: row.url,
    event_types: row.event_types,
    description: row.description,
    enabled: row.enabled,
    disabled_reason: row.disabled_reason,
    disabled_at: when(row.disabled_at),
    consecutive_failures: row.consecutive_failures,
    last_error: row.last_error,
    last_failure_at: when(row.last_failure_at),
    last_success_at: when(row.last_success_at),
    created_at: iso(row.created_at),
  };
}

/** What the audit log keeps of an endpoint (never its secret). */
const described = (e: WebhookEndpoint) => ({
  id: e.id,
  region: e.region_code,
  url: e.url,
  eventTypes: e.event_types,
});

function officerOf(request: FastifyRequest): Officer {
  if (!request.officer) throw new Error('officer handler reached without the officerToken security handler');
  return request.officer;
}

const notFound = (id: string) => problem('not-found', 404, say('webhookNotFound', id));
const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

/**
 * The officer's webhook endpoints: those of the officer's agency in the officer's region (a
 * province token also sees its kabupaten/kota's). Another agency's endpoint is `404`, as if it did
 * not exist. The rules are in notifications/webhook-endpoints.ts, shared with the CLI.
 */
export function webhookHandlers(ctx: AppContext) {
  return {
    async listWebhookEndpoints(request: OperationRequest<'listWebhookEndpoints'>, reply: FastifyReply) {
      const rows = await listEndpoints(ctx.db, officerOf(request));
      noStore(reply);
      return { lang: pickLang(request), data: rows.map(presentEndpoint) };
    },

    async createWebhookEndpoint(request: OperationRequest<'createWebhookEndpoint'>, reply: FastifyReply) {
      const officer = officerOf(request);
      const { body } = request;
      try {
        const created = await addEndpoint(
          ctx.db,
          {
            agency_id: officer.agency_id,
            region_code: officer.region_code,
            url: body.url,
            event_types: body.event_types ?? [],
            description: body.description ?? null,
            created_by: `officer:${officer.id}`,
          },
          { allowPrivate: ctx.webhooks.allowPrivate, now: ctx.now() },
        );
        await auditAction(ctx.db, officer, 'webhook-added', described(created), request.ip);
        noStore(reply).code(201);
        return { ...presentEndpoint(created), secret: created.secret };
      } catch (error) {
        if (!(error instanceof WebhookInputError)) throw error;
        throw problem('invalid-webhook', 422, say('webhookRefused', error.message), `/${error.field}`);
      }
    },

    async deleteWebhookEndpoint(request: OperationRequest<'deleteWebhookEndpoint'>, reply: FastifyReply) {
      const { webhookId } = request.params;
      const officer = officerOf(request);
      const endpoint = await findEndpoint(ctx.db, webhookId, officer);
      if (!endpoint || !(await removeEndpoint(ctx.db, webhookId, officer))) throw notFound(webhookId);
      await auditAction(ctx.db, officer, 'webhook-removed', described(endpoint), request.ip);
      return reply.code(204).send();
    },

    async testWebhookEndpoint(request: OperationRequest<'testWebhookEndpoint'>, reply: FastifyReply) {
      const { webhookId } = request.params;
      const officer = officerOf(request);
      const endpoint = await findEndpoint(ctx.db, webhookId, officer);
      if (!endpoint) throw notFound(webhookId);
      const deliveryId = await queueTest(ctx.db, endpoint, ctx.now());
      const detail = { ...described(endpoint), delivery: deliveryId };
      await auditAction(ctx.db, officer, 'webhook-tested', detail, request.ip);
      noStore(reply).code(202);
      return { delivery_id: deliveryId };
    },

    async enableWebhookEndpoint(request: OperationRequest<'enableWebhookEndpoint'>, reply: FastifyReply) {
      const { webhookId } = request.params;
      const officer = officerOf(request);
      const endpoint = await enableEndpoint(ctx.db, webhookId, officer);
      if (!endpoint) throw notFound(webhookId);
      await auditAction(ctx.db, officer, 'webhook-enabled', described(endpoint), request.ip);
      noStore(reply);
      return presentEndpoint(endpoint);
    },
  } satisfies Record<string, (request: FastifyRequest<never>, reply: FastifyReply) => Promise<unknown>>;
}

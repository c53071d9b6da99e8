import { type Core, get, type RequestOptions, readJson, send } from '../core.js';
import type {
  CreatedWebhookEndpoint,
  WebhookEndpoint,
  WebhookEndpointList,
  WebhookEndpointRequest,
  WebhookTestQueued,
} from '../types.js';

// The officer's signed webhooks (Standard Webhooks): methods of `createLoketOfficerClient`'s
// client, under the same names. The endpoints are those of the token's agency and region; another
// agency's is a 404. Receivers verify each request with the secret `createWebhook` returns once.

type SignalOnly = Pick<RequestOptions, 'signal'>;

/** `GET /v1/officer/webhooks`: the endpoints, oldest first, never their secrets. */
export function listWebhooks(core: Core, options?: SignalOnly): Promise<WebhookEndpointList> {
  return get(core, '/v1/officer/webhooks', undefined, options);
}

/**
 * `POST /v1/officer/webhooks`: adds an endpoint; the answer's `secret` (`whsec_…`) is shown only
 * here. Not retried: a repeat after a lost answer would add a second endpoint.
 */
export async function createWebhook(
  core: Core,
  request: WebhookEndpointRequest,
  options: SignalOnly = {},
): Promise<CreatedWebhookEndpoint> {
  const response = await send(core, '/v1/officer/webhooks', { method: 'post', json: request, ...options });
  return readJson(response, options.signal);
}

/** `POST /v1/officer/webhooks/{id}/test`: queues a `webhook.test` event; its delivery id is the `webhook-id`. */
export async function testWebhook(
  core: Core,
  id: string,
  options: SignalOnly = {},
): Promise<WebhookTestQueued> {
  const route = '/v1/officer/webhooks/{webhookId}/test';
  const response = await send(core, route, { method: 'post', path: { webhookId: id }, ...options });
  return readJson(response, options.signal);
}

/** `POST /v1/officer/webhooks/{id}/enable`: enables an endpoint disabled after repeated failures. */
export async function enableWebhook(
  core: Core,
  id: string,
  options: SignalOnly = {},
): Promise<WebhookEndpoint> {
  const route = '/v1/officer/webhooks/{webhookId}/enable';
  const response = await send(core, route, { method: 'post', path: { webhookId: id }, ...options });
  return readJson(response, options.signal);
}

/** `DELETE /v1/officer/webhooks/{id}`: removes the endpoint; what was still to be sent is cancelled. */
export async function removeWebhook(core: Core, id: string, options: SignalOnly = {}): Promise<void> {
  await send(core, '/v1/officer/webhooks/{webhookId}', {
    method: 'delete',
    path: { webhookId: id },
    ...options,
  });
}

import type { Queryable } from '../db/index.js';
import type { AnyClaimed, Outcome } from './deliveries.js';
import {
  cancelPending,
  endpointForDelivery,
  recordFailure,
  recordSuccess,
  recordTestOutcome,
} from './webhook-endpoints.js';
import { webhookBody } from './webhook-payload.js';
import { sendWebhook } from './webhook-send.js';

/** The webhook settings (config.ts reads them from the environment; docs/notifications.md). */
export interface WebhookSettings {
  /** The longest one request may take, connecting included. */
  timeoutMs: number;
  /** Failed attempts in a row after which an endpoint is disabled. */
  disableAfter: number;
  /** Whether endpoints may be on private, loopback or link-local addresses. */
  allowPrivate: boolean;
}

/**
 * One attempt of a webhook delivery: to its endpoint (cancelled when the endpoint was removed or
 * is disabled; a `webhook.test` goes to a disabled one too), signed, and counted on the endpoint:
 * a success starts its failure count over, the `disableAfter`-th failure in a row disables it and
 * fails this delivery. `retry` says when a failure is tried again (undefined: out of attempts).
 */
export async function attemptWebhook(
  db: Queryable,
  delivery: AnyClaimed,
  options: WebhookSettings & {
    trackerUrl: string | undefined;
    bookingUrl: string | undefined;
    complaintUrl?: string | undefined;
    surveyUrl?: string | undefined;
    now: Date;
    retryAt: Date | undefined;
  },
): Promise<Outcome & { disabled?: string }> {
  const endpoint = await endpointForDelivery(db, delivery.target);
  if (!endpoint) return { kind: 'cancelled', error: 'the webhook endpoint was removed' };
  const test = delivery.topic === 'webhook.test';
  if (!endpoint.enabled && !test) {
    return {
      kind: 'cancelled',
      error: `the webhook endpoint is disabled: ${endpoint.disabled_reason ?? ''}`.trim(),
    };
  }
  const body = JSON.stringify(await webhookBody(db, delivery, options));
  const result = await sendWebhook(
    { url: endpoint.url, id: delivery.id, secret: endpoint.secret, body, now: options.now },
    { timeoutMs: options.timeoutMs, allowPrivate: options.allowPrivate },
  );
  if (test) await recordTestOutcome(db, endpoint.id, result.ok ? null : result.summary, options.now);
  if (result.ok) {
    if (!test) await recordSuccess(db, endpoint.id, options.now);
    return { kind: 'delivered' };
  }
  const disabled = test ? null : await recordFailure(db, endpoint.id, result.summary, options);
  if (disabled) return { kind: 'failed', error: disabled, disabled };
  if (!options.retryAt) return { kind: 'failed', error: result.summary };
  return { kind: 'retry', at: options.retryAt, error: result.summary };
}

/** After a delivery disabled its endpoint: the rest of what was to go there is cancelled. */
export async function afterDisabled(db: Queryable, delivery: AnyClaimed): Promise<void> {
  await cancelPending(
    db,
    delivery.target,
    'the webhook endpoint was disabled after repeated failures',
    delivery.id,
  );
}

import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { assertPublicHost, guardedLookup } from './webhook-url.js';

// One webhook request in the Standard Webhooks form (https://www.standardwebhooks.com):
//   webhook-id         the delivery id, the same on every retry (receivers dedupe on it)
//   webhook-timestamp  seconds since the epoch, of this attempt
//   webhook-signature  `v1,` + base64(HMAC-SHA256(key, `${id}.${timestamp}.${body}`)), where
//                      key is the base64 after `whsec_` in the endpoint's secret, decoded

/** The `v1,<base64>` signature of one request. */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const mac = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return `v1,${mac}`;
}

export interface WebhookRequest {
  url: string;
  id: string;
  secret: string;
  /** The JSON body, exactly as signed. */
  body: string;
  now: Date;
}

export interface WebhookResult {
  ok: boolean;
  /** `HTTP 200`, `HTTP 500 Internal Server Error`, or why no answer came. */
  summary: string;
}

const responseLimit = 64 * 1024;

/**
 * POSTs one signed webhook. Success is any 2xx; redirects are not followed (a failure); the whole
 * exchange is bounded by `timeoutMs`, and connections go only where webhook-url.ts allows.
 */
export function sendWebhook(
  given: WebhookRequest,
  options: { timeoutMs: number; allowPrivate: boolean },
): Promise<WebhookResult> {
  const timestamp = Math.floor(given.now.getTime() / 1000);
  const url = new URL(given.url);
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(given.body)),
    'user-agent': 'Loket-Webhooks/1',
    'webhook-id': given.id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signWebhook(given.secret, given.id, timestamp, given.body),
  };
  return new Promise((resolve) => {
    const fail = (summary: string) => resolve({ ok: false, summary });
    try {
      assertPublicHost(url, options.allowPrivate);
    } catch (error) {
      return fail((error as Error).message);
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(url, {
      method: 'POST',
      headers,
      lookup: guardedLookup(options.allowPrivate),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    request.on('error', (error) =>
      fail(error.name === 'AbortError' ? `no answer within ${options.timeoutMs} ms` : error.message),
    );
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      const summary = `HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`;
      let read = 0;
      // The answer's body is not used; read (a bounded part of) it so the connection ends cleanly.
      response.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > responseLimit) response.destroy();
      });
      response.on('close', () => resolve({ ok: status >= 200 && status < 300, summary }));
      response.on('error', () => resolve({ ok: status >= 200 && status < 300, summary }));
    });
    request.end(given.body);
  });
}

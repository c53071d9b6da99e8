// A tiny fake `fetch`: the test seam of the SDK (no mocking library). It records every request
// and answers with whatever the test's responder returns.
import type { LoketClientOptions } from '../src/index.js';

type Responder = (request: Request, call: number) => Response | Promise<Response>;

export function fakeFetch(respond: Responder = () => json({})) {
  const requests: Request[] = [];
  const fetch: NonNullable<LoketClientOptions['fetch']> = async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    requests.push(request);
    return respond(request, requests.length);
  };
  const urls = () => requests.map((request) => new URL(request.url));
  return { fetch, requests, urls };
}

export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}) {
  const headers = { 'content-type': 'application/json', ...init.headers };
  return new Response(JSON.stringify(body), { status: init.status ?? 200, headers });
}

export function problem(body: Record<string, unknown>, status = body.status as number) {
  const headers = { 'content-type': 'application/problem+json; charset=utf-8' };
  return new Response(JSON.stringify(body), { status, headers });
}

/** Never answers; rejects like a real fetch when the request's signal aborts. */
export function hang(request: Request): Promise<Response> {
  return new Promise((_, reject) => {
    request.signal.throwIfAborted();
    request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
  });
}

/** A `retry` option that keeps the SDK's defaults but does not wait between attempts. */
export const noDelay = (limit = 2) => ({ limit, delay: () => 0 });

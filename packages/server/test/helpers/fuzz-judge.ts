import type { FastifyInstance } from 'fastify';
import { checkResponse } from './contract.js';
import type { FuzzRequest } from './fuzz.js';

export interface FuzzAnswer {
  status: number;
  contentType: string | undefined;
  body: string;
}

/** What is wrong with an answer: a 5xx, a 4xx that is not problem+json, a body off its schema. */
export function judge(request: FuzzRequest, answer: FuzzAnswer): string[] {
  const where = `${request.method} ${request.url.slice(0, 200)}`;
  if (answer.status >= 500) {
    const sent = `${JSON.stringify(request.headers)} ${String(request.body ?? '').slice(0, 300)}`;
    return [`${where}: ${answer.status} for ${sent}`];
  }
  const type = answer.contentType?.split(';')[0]?.trim();
  if (answer.status >= 400 && type !== 'application/problem+json')
    return [`${where}: ${answer.status} as ${type ?? 'no content type'}`];
  // Empty path segments route elsewhere (a 404 outside the contract): only that must hold.
  if (request.path.includes('//') || request.path.endsWith('/')) return [];
  let body: unknown = answer.body;
  if (answer.body && type && /json/.test(type)) body = JSON.parse(answer.body);
  try {
    return checkResponse(request.method, request.path, answer.status, answer.contentType ?? null, body).map(
      (problem) => `${where}: ${problem}`,
    );
  } catch (error) {
    return [`${where}: ${(error as Error).message}`];
  }
}

/** Sends one fuzzed request in process (no socket) and judges the answer. */
export async function sendAndJudge(
  app: FastifyInstance,
  request: FuzzRequest,
): Promise<{ status: number; problems: string[] }> {
  const response = await app.inject({
    method: request.method as 'GET',
    url: request.url,
    headers: request.headers,
    ...(request.body !== undefined ? { payload: request.body } : {}),
  });
  const type = response.headers['content-type'];
  const problems = judge(request, {
    status: response.statusCode,
    contentType: typeof type === 'string' ? type : undefined,
    body: response.body,
  });
  return { status: response.statusCode, problems };
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { say } from '../messages/index.js';
import { type FieldError, ProblemError, problem } from '../problem.js';

/** What an operation's contract says about its request body. */
export interface BodyRule {
  required: boolean;
  /** The media types the contract lists (lower case). */
  types: string[];
}

type Operation = { requestBody?: { required?: boolean; content?: Record<string, unknown> } };

/** The request-body rule of every operation of the contract that takes JSON, by operationId. */
export function bodyRules(contract: Record<string, unknown>): Map<string, BodyRule> {
  const rules = new Map<string, BodyRule>();
  const paths = (contract.paths ?? {}) as Record<
    string,
    Record<string, Operation & { operationId?: string }>
  >;
  for (const item of Object.values(paths)) {
    for (const operation of Object.values(item)) {
      const body = operation?.requestBody;
      // JSON bodies only: the upload (multipart) checks its own body as it streams.
      if (!operation?.operationId || !body?.content?.['application/json']) continue;
      rules.set(operation.operationId, {
        required: body.required === true,
        types: Object.keys(body.content).map((t) => t.toLowerCase()),
      });
    }
  }
  return rules;
}

const mediaType = (header: string) => header.split(';')[0]?.trim().toLowerCase() ?? '';
// Exactly the listed types: the contract's schema is attached to those only, so a body in any
// other type (even application/problem+json, parsed as JSON) would reach a handler unvalidated.
const takes = (rule: BodyRule, type: string) => rule.types.includes(type);

/** No body at all: no Content-Length (or 0) and no Transfer-Encoding. */
const bodyless = (request: FastifyRequest) =>
  request.headers['transfer-encoding'] === undefined &&
  (request.headers['content-length'] === undefined || request.headers['content-length'] === '0');

const unsupported = () => problem('unsupported-media-type', 415, say('unsupportedMediaType'));
const bodyMissing = () => problem('invalid-request', 400, say('bodyRequired'), '/');

/**
 * The body an operation takes, as its contract says, checked before anything is parsed: another
 * media type is `415` (Fastify would parse `text/plain` as a string and skip the contract's JSON
 * schema, which exists for `application/json` only), a missing required body is `400`. An empty
 * optional body is no body, whatever its Content-Type says.
 */
export function registerBodyRules(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const rule = request.routeOptions.config?.body;
    if (!rule) return;
    const type = request.headers['content-type'];
    if (bodyless(request)) {
      if (rule.required) throw bodyMissing();
      delete request.headers['content-type'];
      return;
    }
    if (type === undefined || !takes(rule, mediaType(type))) throw unsupported();
  });
}

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** True for text PostgreSQL cannot store or that is not Unicode: a NUL, or a lone surrogate. */
const unstorable = (text: string) => text.includes('\u0000') || loneSurrogate.test(text);
const escapeKey = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Pointers (RFC 6901) to every unstorable string, key or value, in parsed parameters. */
function unstorableIn(value: unknown, root: string): string[] {
  const found: string[] = [];
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0 && found.length < 20) {
    const [node, pointer] = stack.pop() as [unknown, string];
    if (typeof node === 'string') {
      if (unstorable(node)) found.push(pointer || '/');
    } else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        const at = `${pointer}/${escapeKey(key)}`;
        if (unstorable(key)) found.push(at);
        else stack.push([child, at]);
      }
    }
  }
  return found.sort();
}

/**
 * Removes NUL from every string value of a parsed JSON body, in place, except under `answers`
 * (the form's answers are refused with a pointer instead: 422 from applications/answers.ts).
 * A note, reason, name or description is free text: PostgreSQL cannot store NUL in text, and a
 * handler that forgot it answered 500 (a complaint's close note did).
 */
function dropNul(node: unknown, depth = 0): unknown {
  if (typeof node === 'string') return node.includes('\u0000') ? node.replaceAll('\u0000', '') : node;
  if (node === null || typeof node !== 'object' || depth > 64) return node;
  if (Array.isArray(node)) {
    for (const [i, child] of node.entries()) node[i] = dropNul(child, depth + 1);
  } else {
    for (const [key, child] of Object.entries(node)) {
      if (depth === 0 && key === 'answers') continue;
      (node as Record<string, unknown>)[key] = dropNul(child, depth + 1);
    }
  }
  return node;
}

/**
 * A NUL or a lone surrogate in a path or query parameter is `400` with a pointer to it, before
 * validation: PostgreSQL takes neither as text, so a search for `%00` failed deep inside a query
 * as a 500. In a JSON body, free text is stored without NUL (dropNul); a lone surrogate there is
 * stored as U+FFFD by the driver's UTF-8 encoding.
 */
export function registerTextCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.body !== null && typeof request.body === 'object' && !Buffer.isBuffer(request.body)) {
      dropNul(request.body);
    }
    // Only the parameters the contract declares: others are never read, so never stored.
    const declared = (request.routeOptions.schema?.querystring as { properties?: object } | undefined)
      ?.properties;
    const query = Object.fromEntries(
      Object.entries((request.query ?? {}) as object).filter(([name]) => declared && name in declared),
    );
    const pointers = [...unstorableIn(request.params, '/path'), ...unstorableIn(query, '/query')];
    if (pointers.length === 0) return;
    throw new ProblemError('invalid-request', 400, say('problems', pointers.length), (lang): FieldError[] =>
      pointers.map((pointer) => ({ pointer, detail: say('unstorableText')(lang) })),
    );
  });
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The request body the contract declares for this route, if any. */
    body?: BodyRule;
  }
}

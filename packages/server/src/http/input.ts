import { pointerSegment } from '@loket/sdk/rules';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { say } from '../messages/index.js';
import { type FieldError, ProblemError, problem } from '../problem.js';
import { unstorable } from '../text.js';

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
        const at = `${pointer}/${pointerSegment(key)}`;
        if (unstorable(key)) found.push(at);
        else stack.push([child, at]);
      }
    }
  }
  return found.sort();
}

/**
 * A NUL or a lone surrogate in a path or query parameter or anywhere in a JSON body is `400` with
 * a pointer to each, before validation: PostgreSQL takes neither as text, and a handler that
 * forgot it answered 500 (a search for `%00`, a complaint's close note). Body pointers are
 * relative to the body, as validation's are. The form's answers keep their own rule (422 with a
 * pointer, applications/answers.ts).
 */
export function registerTextCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    // Only the parameters the contract declares: others are never read, so never stored.
    const declared = (request.routeOptions.schema?.querystring as { properties?: object } | undefined)
      ?.properties;
    const query = Object.fromEntries(
      Object.entries((request.query ?? {}) as object).filter(([name]) => declared && name in declared),
    );
    const body = request.body;
    const json = body !== null && typeof body === 'object' && !Buffer.isBuffer(body);
    const { answers: _own, ...rest } = json ? (body as Record<string, unknown>) : {};
    const pointers = [
      ...unstorableIn(request.params, '/path'),
      ...unstorableIn(query, '/query'),
      ...(json ? unstorableIn(Array.isArray(body) ? body : rest, '') : []),
    ];
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

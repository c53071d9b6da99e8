import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Lang, pickLang } from './lang.js';
import { details, type ProblemKind, problemTitles, validationMessage } from './messages.js';

export interface FieldError {
  pointer: string;
  detail: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

export const problemType = (kind: ProblemKind) => `urn:loket:problem:${kind}`;

/** Thrown by handlers for an expected failure; becomes one problem+json response. */
export class ProblemError extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly status: number,
    readonly detailFor: (lang: Lang) => string,
    readonly errors?: (lang: Lang) => FieldError[],
  ) {
    super(kind);
    this.name = 'ProblemError';
  }
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .header('cache-control', 'no-store')
    .send(problem);
}

function problem(
  kind: ProblemKind,
  status: number,
  lang: Lang,
  request: FastifyRequest,
  detail: string,
  errors?: FieldError[],
): Problem {
  return {
    type: problemType(kind),
    title: problemTitles[kind][lang],
    status,
    detail,
    instance: request.id,
    ...(errors ? { errors } : {}),
  };
}

const contexts: Record<string, string> = {
  querystring: 'query',
  params: 'path',
  headers: 'header',
  body: 'body',
};

/** Ajv errors from the contract's schemas, as RFC 9457 `errors` with localized details. */
function validationErrors(error: FastifyError, lang: Lang): FieldError[] {
  const context = contexts[error.validationContext ?? 'body'] ?? 'body';
  return (error.validation ?? []).map((v) => {
    const missing = v.keyword === 'required' ? `/${String(v.params.missingProperty)}` : '';
    const where = context === 'body' ? '' : `/${context}`;
    return {
      pointer: `${where}${v.instancePath}${missing}` || '/',
      detail: validationMessage(v.keyword, v.params, lang),
    };
  });
}

/**
 * Errors Fastify raises before routing (a malformed percent-encoding, an over-long path segment)
 * are bad input too: a 400 problem instead of Fastify's own JSON (set as `frameworkErrors`).
 */
export function frameworkErrorHandler(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const lang = pickLang(request);
  const detail = details.badUrl[lang]();
  sendProblem(reply, problem('invalid-request', 400, lang, request, detail, [{ pointer: '/path', detail }]));
  request.log.info({ code: error.code }, 'refused a malformed URL');
}

/** One error handler for the whole API: every error leaves as problem+json; 5xx details stay in the log. */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((thrown: FastifyError, request, reply) => {
    const lang = pickLang(request);
    // fastify-openapi-glue wraps what a security handler threw in its own error.
    const inner = (thrown as { errors?: unknown }).errors;
    const wrapped = Array.isArray(inner) ? inner.find((e) => e instanceof ProblemError) : undefined;
    const error = (wrapped ?? thrown) as FastifyError;
    if (error instanceof ProblemError) {
      if (error.status === 401) reply.header('www-authenticate', 'Bearer realm="loket-officer"');
      return sendProblem(
        reply,
        problem(error.kind, error.status, lang, request, error.detailFor(lang), error.errors?.(lang)),
      );
    }
    if (error.validation) {
      const errors = validationErrors(error, lang);
      return sendProblem(
        reply,
        problem('invalid-request', 400, lang, request, details.problems[lang](errors.length), errors),
      );
    }
    const status = error.statusCode ?? 500;
    if (status === 406)
      return sendProblem(reply, problem('not-acceptable', 406, lang, request, details.notAcceptable[lang]()));
    if (status === 413)
      return sendProblem(reply, problem('payload-too-large', 413, lang, request, error.message));
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (bad JSON, unsupported media type…): say what it said.
      return sendProblem(reply, problem('invalid-request', status, lang, request, error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, problem('internal', 500, lang, request, details.internal[lang](request.id)));
  });

  app.setNotFoundHandler((request, reply) => {
    const lang = pickLang(request);
    const path = request.url.split('?')[0] ?? request.url;
    return sendProblem(
      reply,
      problem('not-found', 404, lang, request, details.routeNotFound[lang](path.slice(0, 200))),
    );
  });
}

import type { components } from '@loket/sdk/contract';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Lang, messages, problemTitles, say } from '../messages/index.js';
import { type FieldError, ProblemError, type ProblemKind, problemType } from '../problem.js';
import { pickLang } from './lang.js';

type Problem = components['schemas']['Problem'];

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .header('cache-control', 'no-store')
    .send(problem);
}

/** The problem+json body of a problem kind, in the request's language. */
export function problemBody(
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
    const keyword = `schema.${v.keyword}`;
    const key = (Object.hasOwn(messages, keyword) ? keyword : 'schema.other') as 'schema.other';
    return {
      pointer: `${where}${v.instancePath}${missing}` || '/',
      detail: say(key, v.params)(lang),
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
  const detail = say('badUrl')(lang);
  sendProblem(
    reply,
    problemBody('invalid-request', 400, lang, request, detail, [{ pointer: '/path', detail }]),
  );
  request.log.info({ code: error.code }, 'refused a malformed URL');
}

/** Localized words for Fastify's own client errors, by code (the rest are malformed JSON). */
const fastifyDetails: Record<string, 'bodyRequired' | 'badHeader'> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bodyRequired',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'badHeader',
};

/** One error handler for the whole API: every error leaves as problem+json; 5xx details stay in the log. */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((thrown: FastifyError, request, reply) => {
    const lang = pickLang(request);
    const problem = (kind: ProblemKind, status: number, detail: string, errors?: FieldError[]) =>
      sendProblem(reply, problemBody(kind, status, lang, request, detail, errors));
    // fastify-openapi-glue wraps what a security handler threw in its own error; with more than
    // one scheme (a bearer token or a desk session), the refusal of the credential that was
    // presented wins over one saying a credential was not presented at all.
    const inner = (thrown as { errors?: unknown }).errors;
    const problems = Array.isArray(inner) ? inner.filter((e) => e instanceof ProblemError) : [];
    const wrapped =
      problems.find((e) => !(e as { nothingPresented?: boolean }).nothingPresented) ?? problems[0];
    const error = (wrapped ?? thrown) as FastifyError;
    if (error instanceof ProblemError) {
      if (error.status === 401) reply.header('www-authenticate', 'Bearer realm="loket-officer"');
      if (error.retryAfter !== undefined) reply.header('retry-after', error.retryAfter);
      return problem(error.kind, error.status, error.detailFor(lang), error.errors?.(lang));
    }
    if (error.validation) {
      const errors = validationErrors(error, lang);
      return problem('invalid-request', 400, say('problems', errors.length)(lang), errors);
    }
    const status = error.statusCode ?? 500;
    if (status === 406) return problem('not-acceptable', 406, say('notAcceptable')(lang));
    if (status === 413) {
      const limit = `${Math.round(request.routeOptions.bodyLimit / 1024)} KiB`;
      return problem('payload-too-large', 413, say('payloadTooLarge', limit)(lang));
    }
    if (status === 415) return problem('unsupported-media-type', 415, say('unsupportedMediaType')(lang));
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: an empty or malformed JSON body, a bad Content-Length.
      const detail = say(fastifyDetails[error.code] ?? 'invalidJson')(lang);
      return problem('invalid-request', status, detail, [{ pointer: '/', detail }]);
    }
    request.log.error({ err: error }, 'unhandled error');
    return problem('internal', 500, say('internal', request.id)(lang));
  });

  app.setNotFoundHandler((request, reply) => {
    const lang = pickLang(request);
    const path = request.url.split('?')[0] ?? request.url;
    const detail = say('routeNotFound', path.slice(0, 200))(lang);
    return sendProblem(reply, problemBody('not-found', 404, lang, request, detail));
  });
}

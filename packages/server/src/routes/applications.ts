import type { FastifyReply, FastifyRequest } from 'fastify';
import { createDraft, requireForm, updateDraft } from '../applications/drafts.js';
import { loadForm } from '../applications/forms.js';
import { checkOrigin } from '../applications/origins.js';
import { etagOf, presentApplication, presentStatus } from '../applications/present.js';
import { formatCode } from '../applications/secrets.js';
import type { ApplicationRow } from '../applications/security.js';
import { submitApplication } from '../applications/submit.js';
import { withdrawApplication } from '../applications/withdraw.js';
import { pickLang } from '../http/lang.js';
import { citizenOrigin } from '../http/security.js';
import type { AppContext, OperationRequest } from './context.js';

/** Set by the applicationSecret security handler before any of these handlers run. */
function applicationOf(request: FastifyRequest): ApplicationRow {
  const app = request.application;
  if (!app) throw new Error('applicationSecret did not run for this route');
  return app;
}

/** Application responses carry personal data: never stored by any cache. */
const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};

/**
 * The citizen's application endpoints. The logic lives in src/applications/*; these handlers only
 * read the request and shape the response.
 */
export function applicationHandlers(ctx: AppContext) {
  return {
    async getServiceForm(request: OperationRequest<'getServiceForm'>) {
      const lang = pickLang(request);
      const form = await requireForm(ctx.db, request.params.slug);
      // Both languages stay in the definition: the form's labels are shown by the components.
      return { lang, ...form };
    },

    async createApplication(request: OperationRequest<'createApplication'>, reply: FastifyReply) {
      const lang = pickLang(request);
      const { application, secret } = await createDraft(ctx.db, request.body, {
        lang,
        now: ctx.now(),
        checkOrigin: (region) => checkOrigin(ctx.db, citizenOrigin(request, ctx.desk.publicUrl), region),
      });
      noStore(reply)
        .code(201)
        .header('etag', etagOf(application))
        .header('location', `/v1/applications/${formatCode(application.code)}`);
      return { ...(await presentApplication(ctx.db, application, lang)), secret };
    },

    async getApplication(request: OperationRequest<'getApplication'>, reply: FastifyReply) {
      const app = applicationOf(request);
      noStore(reply).header('etag', etagOf(app));
      return presentApplication(ctx.db, app, pickLang(request));
    },

    async updateApplication(request: OperationRequest<'updateApplication'>, reply: FastifyReply) {
      const lang = pickLang(request);
      const saved = await updateDraft(ctx.db, applicationOf(request), request.body.answers, {
        lang,
        now: ctx.now(),
        ifMatch: header(request, 'if-match'),
      });
      noStore(reply).header('etag', etagOf(saved));
      return presentApplication(ctx.db, saved, lang);
    },

    async submitApplication(request: OperationRequest<'submitApplication'>, reply: FastifyReply) {
      const result = await submitApplication(ctx.db, applicationOf(request), request.body, {
        key: header(request, 'idempotency-key'),
        lang: pickLang(request),
        now: ctx.now(),
      });
      noStore(reply).code(result.status).header('etag', result.etag);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return result.body;
    },

    async withdrawApplication(request: OperationRequest<'withdrawApplication'>, reply: FastifyReply) {
      const lang = pickLang(request);
      const app = await withdrawApplication(ctx.db, applicationOf(request), request.body?.reason, ctx.now());
      noStore(reply).header('etag', etagOf(app));
      return presentStatus(ctx.db, app, await loadForm(ctx.db, app.service_id), lang, ctx.now());
    },

    async getApplicationStatus(request: OperationRequest<'getApplicationStatus'>, reply: FastifyReply) {
      const app = applicationOf(request);
      noStore(reply);
      return presentStatus(ctx.db, app, await loadForm(ctx.db, app.service_id), pickLang(request), ctx.now());
    },
  } satisfies Record<string, (request: FastifyRequest<never>, reply: FastifyReply) => Promise<unknown>>;
}

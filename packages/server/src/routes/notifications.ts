import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findRegion } from '../catalogue/regions.js';
import { resolveSubject } from '../complaints/subject.js';
import { pickLang } from '../http/lang.js';
import { type Lang, say } from '../messages/index.js';
import { stopNotifications, stopTokenKnown } from '../notifications/stop.js';
import { hasPhoneGateway } from '../notifications/webhook-endpoints.js';
import { problem } from '../problem.js';
import type { AppContext, OperationRequest } from './context.js';

/**
 * RFC 8058 one-click stops arrive as `application/x-www-form-urlencoded`
 * (`List-Unsubscribe=One-Click`), as does the stop page's button: parsed into an object for the
 * contract's schema.
 */
export function registerFormBodies(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
}

const unknownToken = () => problem('not-found', 404, say('stopTokenUnknown'));

/** The stop page's question and its confirmation, for what the token is about. */
const stopWords = {
  application: { question: say('stopPage.question'), done: say('mail.stopped') },
  visit: { question: say('stopPage.visitQuestion'), done: say('mail.visitStopped') },
  complaint: { question: say('stopPage.complaintQuestion'), done: say('complaintMail.stopped') },
};

/** The stop link's small page: a question with one button, or the confirmation. No script, no style. */
function page(reply: FastifyReply, lang: Lang, body: string) {
  const title = say('stopPage.title')(lang);
  reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    // The API's CSP forbids forms; this page's one button posts to this same address.
    .header(
      'content-security-policy',
      "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    );
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;
}

/** Messages to citizens: the channels news can go by, the stop link. The rules are in notifications/. */
export function notificationHandlers(ctx: AppContext) {
  return {
    async getNewsChannels(request: OperationRequest<'getNewsChannels'>, reply: FastifyReply) {
      const lang = pickLang(request);
      const { region, agency } = request.query;
      if (!(await findRegion(ctx.db, region))) throw problem('not-found', 404, say('regionNotFound', region));
      const known = await ctx.db.query('select 1 from agency where id = $1', [agency]);
      if (known.length === 0) throw problem('not-found', 404, say('agencyNotFound', agency));
      reply.header('cache-control', 'no-cache');
      return { lang, region, agency, email: ctx.mail, phone: await hasPhoneGateway(ctx.db, region, agency) };
    },

    /** The same for news about a complaint: its agency and region found (and proven) as filing finds them. */
    async getComplaintNewsChannels(
      request: OperationRequest<'getComplaintNewsChannels'>,
      reply: FastifyReply,
    ) {
      const lang = pickLang(request);
      const { region_code: region, agency_id: agency } = await resolveSubject(ctx.db, request.body.about, {
        origin: request.headers.origin,
        lockout: ctx.limits.lockout,
      });
      reply.header('cache-control', 'no-store');
      const phone = await hasPhoneGateway(ctx.db, region, agency, 'complaint');
      return { lang, region, agency, email: ctx.mail, phone };
    },

    async showStopNotifications(request: OperationRequest<'showStopNotifications'>, reply: FastifyReply) {
      const about = await stopTokenKnown(ctx.db, request.params.token);
      if (!about) throw unknownToken();
      const lang = pickLang(request);
      return page(
        reply,
        lang,
        `<p>${stopWords[about].question(lang)}</p><form method="post"><button type="submit">${say('stopPage.button')(lang)}</button></form>`,
      );
    },

    async stopNotifications(request: OperationRequest<'stopNotifications'>, reply: FastifyReply) {
      const about = await stopNotifications(ctx.db, request.params.token, ctx.now());
      if (!about) throw unknownToken();
      const lang = pickLang(request);
      return page(reply, lang, `<p>${stopWords[about].done(lang)}</p>`);
    },
  } satisfies Record<string, (request: FastifyRequest<never>, reply: FastifyReply) => Promise<unknown>>;
}

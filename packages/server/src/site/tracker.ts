import { randomBytes } from 'node:crypto';
import type { components } from '@loket/sdk/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { loadForm } from '../applications/forms.js';
import { presentStatus } from '../applications/present.js';
import { openApplication } from '../applications/security.js';
import { type Lang, say } from '../messages/index.js';
import { fromOwnOrigin, isHttps, sameText } from '../officers/session-auth.js';
import { cookieFrom } from '../officers/sessions.js';
import { ProblemError } from '../problem.js';
import type { AppContext } from '../routes/context.js';
import { html } from './html.js';
import { page, paths, sendPage, takeOver } from './layout.js';
import { longDate, words } from './text.js';

/**
 * The tracker without JavaScript: a form that POSTs the code and the secret (never in a URL, so
 * never in a log, a history or a Referer), answered with the status page, `no-store`.
 * Cross-site posts are refused twice over: the form's token must equal the `loket_lacak` cookie
 * (HttpOnly, SameSite=Strict: another site's form cannot send it, nor read it), and a browser's
 * Origin / Sec-Fetch-Site must be this server's. The lookup is the JSON API's (openApplication:
 * same 404 for a wrong code and a wrong secret, the lockout per code) and counts against the
 * same `lookups` rate limit (http/rate-limit.ts).
 */
const COOKIE = 'loket_lacak';

const tokenCookie = (token: string, secure: boolean) =>
  `${COOKIE}=${token}; Path=/katalog/; HttpOnly; SameSite=Strict; Max-Age=7200${secure ? '; Secure' : ''}`;

function trackForm(lang: Lang, token: string, code: string, message: string | null, origin: string): string {
  const t = words[lang];
  const form = html`${message ? html`<p class="error" role="alert">${message}</p>` : ''}
<form method="post" action="${paths.track(lang)}">
<input type="hidden" name="token" value="${token}">
<p><label for="code">${t.code}</label><br><span class="hint" id="code-hint">${t.codeHint}</span><br>
<input id="code" name="code" value="${code}" autocomplete="off" spellcheck="false" required aria-describedby="code-hint"></p>
<p><label for="secret">${t.secret}</label><br>
<input id="secret" name="secret" type="password" autocomplete="off" required></p>
<button type="submit">${t.trackButton}</button>
</form>`;
  const body = html`<h1>${t.track}</h1>
<p>${t.trackIntro}</p>
${takeOver('loket-status-tracker', { lang, 'api-base': origin }, form)}`;
  const own = { id: paths.track('id'), en: paths.track('en') };
  return page({ lang, title: t.track, origin, paths: own, noindex: true, body, components: true });
}

function statusPage(lang: Lang, status: components['schemas']['ApplicationStatus'], origin: string): string {
  const t = words[lang];
  const body = html`<h1>${status.service.name}</h1>
<p class="code">${t.code}: ${status.code}</p>
<dl>
<dt>${t.status}</dt><dd>${status.status_text}</dd>
<dt>${t.nextStep}</dt><dd>${status.next_step}</dd>
</dl>
${
  status.revision_fields.length
    ? html`<h2>${t.revision}</h2><ul>${status.revision_fields.map((f) => html`<li>${f.label}</li>`)}</ul>`
    : ''
}
${
  status.visit
    ? html`<h2>${t.visit}</h2><p>${longDate(status.visit.date, lang)} ${status.visit.time}, ${status.visit.location.name}${
        status.visit.location.address ? html`, ${status.visit.location.address}` : ''
      }</p>`
    : ''
}
<h2>${t.history}</h2>
<ol>${status.history.map((h) => html`<li>${longDate(h.at, lang)}: ${say(`status.${h.status}`)(lang)}${h.note ? html` — ${h.note}` : ''}</li>`)}</ol>`;
  return page({ lang, title: `${t.status}: ${status.service.name}`, origin, noindex: true, body });
}

export function trackerHandlers(ctx: AppContext, originOf: (request: FastifyRequest) => string) {
  return {
    show(request: FastifyRequest, reply: FastifyReply, lang: Lang) {
      const token = cookieFrom(request.headers.cookie, COOKIE) ?? randomBytes(18).toString('base64url');
      reply.header('set-cookie', tokenCookie(token, isHttps(request)));
      const origin = originOf(request);
      return sendPage(reply, lang, trackForm(lang, token, '', null, origin), 'no-store', origin);
    },

    async lookUp(request: FastifyRequest, reply: FastifyReply, lang: Lang) {
      const t = words[lang];
      const origin = originOf(request);
      const form = (request.body ?? {}) as Record<string, unknown>;
      const text = (key: string) =>
        typeof form[key] === 'string' ? (form[key] as string).slice(0, 200) : '';
      const cookie = cookieFrom(request.headers.cookie, COOKIE);
      const again = (status: number, message: string) => {
        const token = cookie ?? randomBytes(18).toString('base64url');
        reply.header('set-cookie', tokenCookie(token, isHttps(request))).code(status);
        return sendPage(
          reply,
          lang,
          trackForm(lang, token, text('code'), message, origin),
          'no-store',
          origin,
        );
      };
      if (!cookie || !sameText(cookie, text('token')) || !fromOwnOrigin(request, ctx.desk.publicUrl)) {
        return again(403, t.trackExpired);
      }
      try {
        // The origin was checked above (this server's own page); the region's list of web
        // origins is for other sites' pages calling the JSON API.
        const app = await openApplication(
          ctx.db,
          { code: text('code'), secret: text('secret'), origin: undefined },
          ctx.limits.lockout,
        );
        const status = await presentStatus(
          ctx.db,
          app,
          await loadForm(ctx.db, app.service_id),
          lang,
          ctx.now(),
        );
        return sendPage(reply, lang, statusPage(lang, status, origin), 'no-store', origin);
      } catch (error) {
        if (!(error instanceof ProblemError)) throw error;
        if (error.status === 429) {
          reply.header('retry-after', String(error.retryAfter ?? 60));
          return again(429, t.trackLocked(error.retryAfter ?? 60));
        }
        if (error.status === 404) return again(404, t.trackNotFound);
        throw error;
      }
    },
  };
}

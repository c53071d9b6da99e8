import { escapeHtml } from './pages.mjs';

/**
 * The demo's mailbox pages, over a mail catcher (mail-catcher.mjs):
 *
 * - `/surat.html`: every caught message, newest first: who it is for, its subject, its plain text
 *   (escaped, as a mail client shows it), its links as real links, and its HTML part in a
 *   sandboxed iframe;
 * - `/surat/<id>.html`: that HTML part alone, under a policy that allows no script, no request and
 *   no form, as a unique origin (CSP `sandbox`), framed only by this site; its links open in a new
 *   tab, outside the sandbox;
 * - `/surat.json`: the same list as JSON (for curl and tests).
 *
 * A mail is content from outside the page: nothing of it is ever put in the page unescaped.
 */

/**
 * @typedef {import('./mail-catcher.mjs').MailCatcher} MailCatcher
 * @typedef {import('./mail-catcher.mjs').CaughtMail} CaughtMail
 */

/** The policy of one mail's HTML part: inline styles and data: images at most, nothing else. */
export const MAIL_HTML_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; " +
  'sandbox allow-popups allow-popups-to-escape-sandbox';

const when = (/** @type {number} */ ms) =>
  new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(ms));

/** @param {CaughtMail} mail */
function article(mail) {
  const heading = `surat-${mail.id}`;
  const meta = [
    ['Kepada', escapeHtml(mail.to)],
    ['Dari', escapeHtml(mail.from)],
    [
      'Diterima',
      `<time datetime="${new Date(mail.receivedAt).toISOString()}">${when(mail.receivedAt)}</time>`,
    ],
    ['Message-ID', `<code>${escapeHtml(mail.messageId)}</code>`],
  ]
    .map(([term, value]) => `<div><dt>${term}</dt><dd>${value}</dd></div>`)
    .join('');
  const links = mail.links.length
    ? `<h3>Tautan di surat ini</h3><ul class="mail-links">${mail.links
        .map((href) => `<li><a href="${escapeHtml(href)}">${escapeHtml(href)}</a></li>`)
        .join('')}</ul>`
    : '';
  const html = mail.html
    ? `<h3>Tampilan HTML</h3><iframe class="mail-html" src="/surat/${mail.id}.html" title="Tampilan HTML: ${escapeHtml(mail.subject)}" sandbox="allow-popups allow-popups-to-escape-sandbox"></iframe>`
    : '';
  return `<article class="mail" aria-labelledby="${heading}">
      <h2 id="${heading}">${escapeHtml(mail.subject || '(tanpa perihal)')}</h2>
      <dl class="mail-meta">${meta}</dl>
      <h3>Teks biasa</h3>
      <pre class="mail-text">${escapeHtml(mail.text)}</pre>
      ${links}${html}
    </article>`;
}

/**
 * The mailbox page's content.
 *
 * @param {string} template mail/surat.html, already rendered (nonce filled in)
 * @param {MailCatcher} catcher
 */
export function renderMailbox(template, catcher) {
  const mails = catcher.messages();
  const list = mails.length
    ? mails.map(article).join('\n')
    : '<p class="info-card">Belum ada surat. Kirim permohonan dengan alamat e-mail, lalu muat ulang halaman ini.</p>';
  return template.replaceAll('{{smtp}}', escapeHtml(catcher.url)).replace('{{messages}}', () => list);
}

/**
 * One mail's HTML part, its links made to open a new tab (outside the frame's sandbox).
 *
 * @param {string} html
 */
export function mailHtml(html) {
  const base = '<base target="_blank">';
  return /<head[^>]*>/i.test(html)
    ? html.replace(/<head[^>]*>/i, (/** @type {string} */ head) => head + base)
    : base + html;
}

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {MailCatcher} catcher
 * @param {(request: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply) => unknown} sendMailbox
 *   sends /surat.html (serve.mjs fills in the page and its policy)
 */
export function registerMailPages(app, catcher, sendMailbox) {
  app.get('/surat.html', sendMailbox);
  app.get('/surat.json', (_request, reply) =>
    reply.header('cache-control', 'no-store').send({
      smtp: catcher.url,
      messages: catcher.messages().map(({ html, ...mail }) => ({ ...mail, has_html: html !== null })),
    }),
  );
  app.get('/surat/:file', (request, reply) => {
    const { file } = /** @type {{ file: string }} */ (request.params);
    const id = /^(\d{1,9})\.html$/.exec(file)?.[1];
    const mail = id ? catcher.message(Number(id)) : undefined;
    if (!mail?.html) return reply.callNotFound();
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', MAIL_HTML_CSP)
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .send(mailHtml(mail.html));
  });
}

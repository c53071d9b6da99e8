import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * The demo's outgoing mail, caught: a real SMTP server (the `smtp-server` package) on the demo's
 * machine that accepts every message for any address and keeps the last `keep` in memory, so a
 * newcomer sees what Loket would send a citizen without a mail account. `pnpm start` points the
 * API's `LOKET_SMTP_URL` at it; the demo site shows what it caught at /surat.html (mail-pages.mjs).
 * Nothing is relayed anywhere.
 *
 * @typedef {object} CaughtMail
 * @property {number} id this catcher's own number, from 1
 * @property {number} receivedAt epoch milliseconds when the message was accepted
 * @property {string} messageId the Message-ID header (`<delivery id@domain>` for Loket's mail)
 * @property {string} from
 * @property {string} to
 * @property {string} subject
 * @property {string} text the plain-text part
 * @property {string | null} html the HTML part, shown only sandboxed
 * @property {string | null} listUnsubscribe the List-Unsubscribe header
 * @property {string[]} links the http(s) links of the plain-text part, in order
 *
 * @typedef {object} MailCatcher
 * @property {string} url `smtp://127.0.0.1:<port>`, for LOKET_SMTP_URL
 * @property {number} port
 * @property {() => CaughtMail[]} messages newest first
 * @property {(id: number) => CaughtMail | undefined} message
 * @property {() => Promise<void>} close
 */

/**
 * The links a mail client would make clickable in plain text: http(s) URLs up to the next space.
 *
 * @param {string} text
 */
export function linksOf(text) {
  return [...text.matchAll(/https?:\/\/[^\s<>"]+/g)].map((m) => m[0].replace(/[).,;:!?]+$/, ''));
}

/** @param {import('mailparser').AddressObject | import('mailparser').AddressObject[] | undefined} address */
const addressText = (address) =>
  (Array.isArray(address) ? address.map((a) => a.text).join(', ') : address?.text) ?? '';

/**
 * @param {{ host?: string, port?: number, keep?: number, now?: () => number }} [options] `port` 0
 *   picks a free one
 * @returns {Promise<MailCatcher>}
 */
export async function startMailCatcher(options = {}) {
  const keep = options.keep ?? 200;
  const now = options.now ?? Date.now;
  /** @type {CaughtMail[]} */
  const caught = [];
  let next = 1;
  const server = new SMTPServer({
    authOptional: true,
    // A catcher on this machine only: no TLS, and any login is accepted unchecked.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'demo' }),
    logger: false,
    size: 1024 * 1024,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          const text = mail.text ?? '';
          // As written (mailparser's `headers` would give it parsed into an object).
          const unsubscribe = mail.headerLines
            .find((h) => h.key === 'list-unsubscribe')
            ?.line.replace(/^[^:]*:\s*/, '')
            .replace(/\r?\n[ \t]+/g, ' ');
          caught.unshift({
            id: next++,
            receivedAt: now(),
            messageId: mail.messageId ?? '',
            from: addressText(mail.from),
            to: addressText(mail.to),
            subject: mail.subject ?? '',
            text,
            html: typeof mail.html === 'string' ? mail.html : null,
            listUnsubscribe: unsubscribe ?? null,
            links: linksOf(text),
          });
          caught.length = Math.min(caught.length, keep);
          callback();
        },
        (/** @type {Error} */ error) => callback(error),
      );
    },
  });
  const host = options.host ?? '127.0.0.1';
  // A client that drops its connection mid-conversation is its own problem, not the demo's end
  // (an unhandled 'error' on the server would stop `pnpm start`).
  server.on('error', () => {});
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve(undefined));
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const reachable = ['0.0.0.0', '::', ''].includes(host) ? '127.0.0.1' : host;
  return {
    url: `smtp://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`,
    port,
    messages: () => [...caught],
    message: (id) => caught.find((m) => m.id === id),
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

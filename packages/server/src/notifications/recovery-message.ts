import { type Lang, say } from '../messages/index.js';
import type { Composed } from './email-message.js';

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/**
 * The tracker link of a recovery message: the tracker page for the code, with the one-time token
 * in the fragment (`#kode=…&pulih=…`), which browsers never send to a server.
 */
export function recoveryLink(trackerLink: string, token: string): string {
  const url = new URL(trackerLink);
  const fragment = new URLSearchParams(url.hash.slice(1));
  fragment.set('pulih', token);
  url.hash = fragment.toString();
  return url.href;
}

/** The e-mail with a one-time link to a new secret: no secret, no answer, and the stop link. */
export function composeRecoveryEmail(facts: {
  lang: Lang;
  code: string;
  service: string;
  link: string;
  stopUrl: string;
}): Composed {
  const { lang } = facts;
  const subject = say('recovery.subject', facts.code)(lang);
  const paragraphs = [
    say('recovery.asked', facts.service, facts.code)(lang),
    say('recovery.open')(lang),
    facts.link,
    say('recovery.notYou')(lang),
    say('mail.neverSecret')(lang),
    say('mail.stop')(lang),
    facts.stopUrl,
  ];
  const html = paragraphs
    .map((p) =>
      /^https?:/.test(p)
        ? `<p><a href="${escapeHtml(p)}">${escapeHtml(p)}</a></p>`
        : `<p>${escapeHtml(p)}</p>`,
    )
    .join('');
  return {
    subject,
    text: `${paragraphs.join('\n\n')}\n`,
    html: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>${html}</body></html>`,
  };
}

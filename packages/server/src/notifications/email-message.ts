import { type Lang, say } from '../messages/index.js';
import type { EventPayload } from './outbox.js';

/** What an e-mail about an application says. Never an answer, never the secret. */
export interface MessageFacts {
  lang: Lang;
  /** The tracking code as people see it (LKT-XXXX-XXXX-XXXX). */
  code: string;
  service: string;
  payload: EventPayload;
  /** The labels of the fields to fix (needs_revision), in the citizen's language. */
  fieldLabels: string[];
  /** The tracker page for this application, when one is configured. */
  trackerUrl: string | null;
  /** The one-click stop link (RFC 8058). */
  stopUrl: string;
}

export interface Composed {
  subject: string;
  text: string;
  html: string;
}

export const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

export type Block = { text: string } | { heading: string; items: string[] } | { link: string; label: string };

function blocks(f: MessageFacts): Block[] {
  const { lang, payload } = f;
  const status = payload.status as Exclude<EventPayload['status'], 'draft'>;
  const list: Block[] = [
    { text: say('mail.about', f.service, f.code)(lang) },
    { text: say(`status.${status}`)(lang) },
  ];
  if (f.fieldLabels.length > 0) list.push({ heading: say('mail.fields')(lang), items: f.fieldLabels });
  if (payload.public_note) list.push({ heading: say('mail.note')(lang), items: [payload.public_note] });
  list.push({ heading: say('mail.next')(lang), items: [say(`next.${status}`)(lang)] });
  if (payload.document) list.push({ text: say('mail.document')(lang) });
  list.push(
    f.trackerUrl
      ? { link: f.trackerUrl, label: say('mail.track')(lang) }
      : { text: say('mail.trackNoLink')(lang) },
  );
  list.push({ text: say('mail.neverSecret')(lang) });
  list.push({ link: f.stopUrl, label: say('mail.stop')(lang) });
  return list;
}

export function asText(block: Block): string {
  if ('text' in block) return block.text;
  if ('link' in block) return `${block.label}\n${block.link}`;
  return [block.heading, ...block.items.map((item) => `- ${item}`)].join('\n');
}

export function asHtml(block: Block): string {
  if ('text' in block) return `<p>${escapeHtml(block.text)}</p>`;
  if ('link' in block) {
    return `<p>${escapeHtml(block.label)}<br><a href="${escapeHtml(block.link)}">${escapeHtml(block.link)}</a></p>`;
  }
  const items = block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('');
  return `<p><strong>${escapeHtml(block.heading)}</strong></p><ul>${items}</ul>`;
}

/** An e-mail of these blocks: the plain text and the simple HTML, in the citizen's language. */
export function composed(lang: Lang, subject: string, parts: Block[]): Composed {
  return {
    subject,
    text: `${parts.map(asText).join('\n\n')}\n`,
    html: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>${parts.map(asHtml).join('')}</body></html>`,
  };
}

/** The subject, the plain text and the simple HTML of one e-mail, in the citizen's language. */
export function composeEmail(facts: MessageFacts): Composed {
  return composed(
    facts.lang,
    say('mail.subject', facts.code, facts.payload.status)(facts.lang),
    blocks(facts),
  );
}

/** The tracker link: `{code}` (and `{region}`) of the template filled in, URL-encoded. */
export function trackerLink(template: string | undefined, code: string, region: string): string | null {
  if (!template) return null;
  return template
    .replaceAll('{code}', encodeURIComponent(code))
    .replaceAll('{region}', encodeURIComponent(region));
}

/** The headers that make an e-mail stoppable in one click (RFC 8058) and mark it automatic. */
export const stopHeaders = (stopUrl: string): Record<string, string> => ({
  'List-Unsubscribe': `<${stopUrl}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  'Auto-Submitted': 'auto-generated',
});

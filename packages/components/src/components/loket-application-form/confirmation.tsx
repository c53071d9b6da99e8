import type { ApplicationStatus } from '@loket/sdk';
import type { ApplicationKey } from '@loket/sdk/session';
import { type FunctionalComponent, h } from '@stencil/core';
import { date, fill, type Locale } from '../../i18n';
import type { ReceiptHost } from '../../kit/receipt';
import { HEADING_ID } from './flow';
import type { FormMessages } from './messages';
import { type EndMessages, endText } from './messages/later';

interface DoneProps {
  locale: Locale;
  t: FormMessages;
  appKey: ApplicationKey;
  status: ApplicationStatus;
  /** The tracker page with the code and secret in its fragment, when the page has one. */
  trackerLink: string | null;
  /** The form: the receipt ("Bukti pengajuan") opens on it. */
  host: ReceiptHost;
  onCopy(what: string, text: string, shownId: string): void;
  onAnother(): void;
}

/** Opens the receipt (its view, words and styles come with it, on first need), or closes it. */
async function toggleReceipt(host: ReceiptHost, key: ApplicationKey) {
  if (host.receipt?.key.code === key.code) host.receipt = null;
  else await (await import('../../kit/receipt')).openReceipt(host, key);
}

/** The secret in groups of four, easier to read and write down; copying still gives it whole. */
const groups = (text: string) => text.match(/.{1,4}/g) ?? [];

interface CodeProps {
  id: string;
  label: string;
  value: string;
  /** Shown in groups of four (the secret; the code has its own dashes). */
  grouped?: boolean;
  t: EndMessages;
  onCopy: DoneProps['onCopy'];
}

const Code: FunctionalComponent<CodeProps> = (p) => (
  <div class="code-row">
    <dt>{p.label}</dt>
    <dd>
      <span class="code" id={p.id} part="code">
        {p.grouped ? groups(p.value).map((g) => <span class="chunk">{g}</span>) : p.value}
      </span>
      <button
        type="button"
        class="button"
        part="button copy"
        onClick={() => p.onCopy(p.label, p.value, p.id)}
      >
        {fill(p.t.done.copy, { what: p.label.toLowerCase() })}
      </button>
    </dd>
  </div>
);

/**
 * GOV.UK confirmation: the panel with the tracking code, the secret (both to copy), what
 * happens next in the server's words, the link to the tracker, and starting again.
 */
export const Confirmation: FunctionalComponent<DoneProps> = (p) => {
  const { locale, status } = p;
  const t = endText(p.t, locale);
  // Open for this application only (not one sent before from this form).
  const receipt = p.host.receipt?.key.code === p.appKey.code ? p.host.receipt : null;
  return (
    <div class="done" part="confirmation">
      <div class="panel" part="panel">
        <h2 id={HEADING_ID} tabIndex={-1}>
          {t.done.title}
        </h2>
        <p class="panel-service">{status.service.name}</p>
      </div>
      <dl class="codes">
        <Code id="loket-code" label={t.done.code} value={p.appKey.code} t={t} onCopy={p.onCopy} />
        <Code
          id="loket-secret"
          label={t.done.secret}
          value={p.appKey.secret}
          grouped
          t={t}
          onCopy={p.onCopy}
        />
      </dl>
      <p class="notice">{t.done.keep}</p>
      <h3>{t.done.next}</h3>
      <p>{status.next_step}</p>
      {status.due.date && <p>{fill(t.done.due, { date: date(locale, status.due.date) })}</p>}
      <div class="receipt-box">
        <button
          type="button"
          class="button"
          part="button receipt-open"
          aria-expanded={receipt ? 'true' : 'false'}
          onClick={() => void toggleReceipt(p.host, p.appKey)}
        >
          {t.done.receipt}
        </button>
        {receipt && <receipt.view.ReceiptView host={p.host} state={receipt} />}
      </div>
      <div class="actions">
        {p.trackerLink && (
          <a class="button primary" part="button track" href={p.trackerLink}>
            {t.done.track}
          </a>
        )}
        <button type="button" class="link" part="button another" onClick={p.onAnother}>
          {t.done.another}
        </button>
      </div>
    </div>
  );
};

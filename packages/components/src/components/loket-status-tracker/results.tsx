import { type ApplicationStatus, downloadResultDocument } from '@loket/sdk';
import type { ApplicationKey } from '@loket/sdk/session';
import { type FunctionalComponent, h } from '@stencil/core';
import { fill, intlLocale, type Locale } from '../../i18n';
import type { ReceiptHost } from '../../kit/receipt';
import { configValue } from '../../utils/config';
import { resultText } from './messages/results';

export { StatusView } from './status-view';
export { VisitLine } from './visit-line';
export { resultText };

// Loaded just after the first status is shown, so the tracker's first load does not grow: the
// result document to download, the submission receipt ("Bukti pengajuan", kit/receipt), the
// satisfaction survey of a decided application (<loket-satisfaction-survey>, whose code the
// loader fetches only then), the offer of a complaint about a sent application
// (<loket-complaint-form>, likewise) and the linked visit's line (visit-line.tsx, with its date
// and zone helpers). The status view itself (status-view.tsx) comes with them: its load starts
// with the first status request, so it is here before the status nearly always (until then the
// tracker says it is loading).

/** What the results read and change on the tracker. */
export interface ResultsHost extends ReceiptHost {
  readonly apiBase?: string | undefined;
  readonly key: ApplicationKey | null;
  readonly status: ApplicationStatus | null;
  notice: string | null;
}

/** 1536 → "2 KB", 2621440 → "2,5 MB". */
const size = (locale: Locale, bytes: number) => {
  const mb = bytes >= 1024 * 1024;
  const n = mb ? bytes / 1024 / 1024 : Math.max(1, Math.round(bytes / 1024));
  return `${new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: 1 }).format(n)} ${mb ? 'MB' : 'KB'}`;
};

/**
 * Downloads the result document and hands it to the browser to save under its own filename. The
 * request carries the secret in a header, so the file comes as a Blob and is saved through a
 * temporary object URL (a plain link could not send the secret, and a secret in a URL would end
 * up in logs and history).
 */
async function download(host: ResultsHost) {
  const key = host.key;
  if (!key) return;
  try {
    const { blob, filename } = await downloadResultDocument(host.core, key.code, key.secret);
    const url = URL.createObjectURL(blob);
    const link = Object.assign(document.createElement('a'), {
      href: url,
      download: filename ?? 'dokumen-hasil',
    });
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    host.notice = null;
  } catch {
    host.notice = resultText.get(host.locale).failed;
  }
}

/** Opens the receipt (its view, words and styles come with it, on first need), or closes it. */
async function toggleReceipt(host: ResultsHost) {
  if (host.receipt) host.receipt = null;
  else if (host.key) await (await import('../../kit/receipt')).openReceipt(host, host.key);
}

/**
 * The result document to download (a completed application the officer attached one to), the
 * receipt of an application that was sent, and the survey once it is completed or rejected.
 */
export const Results: FunctionalComponent<{ host: ResultsHost }> = ({ host }) => {
  const { status, key, locale } = host;
  if (!status || !key) return null;
  const t = resultText.get(locale);
  const doc = status.result_document;
  const sent = status.history.some((entry) => entry.status === 'submitted');
  // Open for this application only (not one shown before on this tracker).
  const receipt = host.receipt?.key.code === key.code ? host.receipt : null;
  return [
    doc && (
      <div class="result" part="result">
        <h3>{t.title}</h3>
        <p>{t.body}</p>
        <button
          type="button"
          class="button primary"
          part="button download"
          onClick={() => void download(host)}
        >
          {fill(t.download, {
            type: doc.content_type.split('/')[1]?.toUpperCase() ?? doc.content_type,
            size: size(locale, doc.size),
          })}
        </button>
      </div>
    ),
    sent && (
      <div class="receipt-box">
        <button
          type="button"
          class="button"
          part="button receipt-open"
          aria-expanded={receipt ? 'true' : 'false'}
          onClick={() => void toggleReceipt(host)}
        >
          {t.receipt}
        </button>
        {receipt && <receipt.view.ReceiptView host={host} state={receipt} />}
      </div>
    ),
    (status.status === 'completed' || status.status === 'rejected') && (
      <loket-satisfaction-survey
        class="survey"
        part="survey"
        lang={locale}
        apiBase={configValue(host.el, 'api-base', host.apiBase)}
        code={key.code}
        secret={key.secret}
      />
    ),
    sent && (
      <loket-complaint-form
        class="complaint"
        part="complaint"
        about="application"
        code={key.code}
        secret={key.secret}
        apiBase={configValue(host.el, 'api-base', host.apiBase)}
        collapsed
      />
    ),
  ];
};

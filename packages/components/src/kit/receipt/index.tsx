import { type ApplicationReceipt, getApplicationReceipt, type LoketCore } from '@loket/sdk';
import type { ApplicationKey } from '@loket/sdk/session';
import { h } from '@stencil/core';
import { date, fill, type Locale, plural } from '../../i18n';
import { type ReceiptMessages, receiptText } from './messages';
import { printAlone } from './print';
import { adoptReceiptStyles } from './styles';

export { endPrint } from './print';

// The submission receipt ("Bukti pengajuan"), loaded when a citizen first asks for it on the
// form's confirmation or on the tracker: its words, styles and request are in this chunk only.

/** What the receipt reads and changes on the component that shows it. */
export interface ReceiptHost {
  readonly el: HTMLElement;
  readonly core: LoketCore;
  readonly locale: Locale;
  receipt: ReceiptState | null;
}

export interface ReceiptState {
  view: typeof import('./index');
  key: ApplicationKey;
  locale: Locale;
  phase: 'loading' | 'failed' | 'ready';
  data: ApplicationReceipt | null;
}

/** Opens (or loads again, in the host's language) the receipt of the application `key`. */
export async function openReceipt(host: ReceiptHost, key: ApplicationKey): Promise<void> {
  adoptReceiptStyles(host.el.shadowRoot);
  const locale = host.locale;
  const view = await import('./index');
  await receiptText.load(locale);
  const base = { view, key, locale };
  host.receipt = { ...base, phase: 'loading', data: host.receipt?.data ?? null };
  try {
    host.receipt = {
      ...base,
      phase: 'ready',
      data: await getApplicationReceipt(host.core, key.code, key.secret),
    };
  } catch {
    if (host.receipt?.key === key) host.receipt = { ...base, phase: 'failed', data: null };
  }
}

const JAKARTA: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Asia/Jakarta',
  timeZoneName: 'short',
};

/** Prints the receipt alone on the page: a copy of it, with the receipt's styles (print.ts). */
function printReceipt(event: Event) {
  const section = (event.currentTarget as Element).closest('.receipt');
  const root = section?.getRootNode();
  if (section && root instanceof ShadowRoot) printAlone(root, section);
}

interface ViewProps {
  host: ReceiptHost;
  state: ReceiptState;
}

/** The receipt as the citizen sees it, and prints it with "Cetak bukti". */
export const ReceiptView = ({ host, state }: ViewProps) => {
  const locale = host.locale;
  // The page changed language: the receipt comes again in the new one.
  if (state.locale !== locale) queueMicrotask(() => void openReceipt(host, state.key));
  const t = receiptText.get(locale);
  const r = state.data;
  if (!r)
    return state.phase === 'failed' ? (
      <div class="receipt" role="alert" part="receipt">
        <p>{t.failed}</p>
        <button type="button" class="button" part="button" onClick={() => void openReceipt(host, state.key)}>
          {t.retry}
        </button>
      </div>
    ) : (
      <p class="small">{t.loading}</p>
    );
  return (
    <section class="receipt" part="receipt" aria-labelledby="loket-receipt-title">
      <h2 id="loket-receipt-title" tabIndex={-1}>
        {t.title}
      </h2>
      <p class="small">{t.intro}</p>
      <dl>
        <dt>{t.code}</dt>
        <dd class="receipt-code">{r.code}</dd>
        <dt>{t.service}</dt>
        <dd>{r.service.name}</dd>
        <dt>{t.agency}</dt>
        <dd>{r.agency.name}</dd>
        <dt>{t.sent}</dt>
        <dd>
          <time dateTime={r.submitted_at}>{date(locale, r.submitted_at, JAKARTA)}</time>
        </dd>
        <dt>{t.due}</dt>
        <dd>
          <Due t={t} locale={locale} due={r.due} />
        </dd>
      </dl>
      <h3>{t.bring}</h3>
      {r.bring.length > 0 ? (
        <ul part="receipt-bring">
          {r.bring.map((item) => (
            <li>{item}</li>
          ))}
        </ul>
      ) : (
        <p>{t.bringNone}</p>
      )}
      <p class="small">{t.secret}</p>
      <div class="receipt-actions">
        <button type="button" class="button primary" part="button print" onClick={printReceipt}>
          {t.print}
        </button>
      </div>
    </section>
  );
};

const Due = ({ t, locale, due }: { t: ReceiptMessages; locale: Locale; due: ApplicationReceipt['due'] }) => {
  const { date: day, working_days: days, calendar } = due;
  if (!day) return t.noDue;
  const when =
    days === null
      ? date(locale, day)
      : fill(t.dueDate, {
          date: date(locale, day),
          days: days === 0 ? t.sameDay : plural(locale, t.days, days),
        });
  return [when, t.calendar[calendar] && <span class="small">{t.calendar[calendar]}</span>];
};

import type { NationalComplaintChannel } from '@loket/sdk';
import { type FunctionalComponent, h } from '@stencil/core';
import { fill } from '../../i18n';
import type { ComplaintMessages } from './messages';
import type { ComplaintState } from './state';

interface Props {
  t: ComplaintMessages;
  channels: NationalComplaintChannel[];
  /** The complaint as the citizen wrote it, ready to paste into LAPOR!. */
  text: string;
  onCopy(): void;
}

/**
 * "Laporkan juga ke SP4N-LAPOR!": always offered beside Loket's own complaint. SP4N-LAPOR! has
 * no public API, so the citizen files there: the text ready to copy, the link, and every other way
 * to reach the channel (SMS 1708, the app, @LAPOR1708) as the API's data lists them.
 */
export const LaporOffer: FunctionalComponent<Props> = ({ t, channels, text, onCopy }) => {
  const [lapor, ...others] = channels;
  if (!lapor) return null;
  return (
    <section class="lapor" part="lapor" aria-labelledby="loket-lapor-heading">
      <h3 id="loket-lapor-heading">{t.laporTitle}</h3>
      <p>{t.laporIntro}</p>
      <label class="label" htmlFor="loket-lapor-text">
        {t.laporText}
      </label>
      <textarea id="loket-lapor-text" class="input lapor-text" readOnly rows={5} value={text} />
      <div class="actions">
        <button type="button" class="button" onClick={onCopy}>
          {t.laporCopy}
        </button>
        {lapor.url && (
          <a class="button" href={lapor.url} target="_blank" rel="noopener">
            {t.laporOpen}
          </a>
        )}
      </div>
      {[lapor, ...others].map((channel) => (
        <div class="ways">
          <h4>{fill(t.laporWays, { name: channel.name })}</h4>
          <ul>
            {channel.ways.map((way) => (
              <li>
                {way.url ? <a href={way.url}>{way.value}</a> : <strong>{way.value}</strong>}
                {way.note && ` — ${way.note}`}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
};

/** The complaint as text for LAPOR!: what it is about, the category, what happened, Loket's code. */
export function laporText(
  t: ComplaintMessages,
  s: ComplaintState,
  host: { code?: string | undefined; service?: string | undefined },
): string {
  const complaint = s.found ?? s.filed;
  const category = s.channels?.categories.find(
    (c) => c.id === (complaint?.category ?? s.values.category),
  )?.name;
  const subject = complaint
    ? `${complaint.about.service.name} (${complaint.about.region})`
    : (host.code ?? host.service ?? '');
  return [
    fill(t.laporAbout, { subject }),
    category,
    complaint?.description ?? s.values.description.trim(),
    complaint ? `${t.code}: ${complaint.code}` : undefined,
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** Copies the text for LAPOR! (the clipboard, or the selection where the clipboard is refused). */
export async function copyText(area: HTMLTextAreaElement | null) {
  try {
    await navigator.clipboard.writeText(area?.value ?? '');
  } catch {
    area?.select();
    document.execCommand('copy');
  }
}

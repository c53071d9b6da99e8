import type { Delivery } from '@loket/sdk';
import { type FunctionalComponent, h } from '@stencil/core';
import { date, type Locale } from '../../../src/i18n';
import type { DeskMessages } from '../../messages';

/** A complaint's delivery log as the desk holds it: not asked yet, being asked, failed, or the list. */
export type DeliveryLog = Delivery[] | 'loading' | 'failed';

const when = (locale: Locale, at: string) => date(locale, at, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * "Kabar ke warga": what became of each notification about the complaint (docs/complaints.md, "The
 * delivery log"): when, which event, the channel, the recipient as the API masks it, the status
 * (queued with its next attempt, sent, failed with the reason, stopped) and the attempts. Never
 * the message: the API does not send it.
 */
export const Deliveries: FunctionalComponent<{
  t: DeskMessages;
  locale: Locale;
  code: string;
  log: DeliveryLog | undefined;
}> = ({ t, locale, code, log }) => {
  const words = t.complaints.deliveries;
  const id = `desk-deliveries-${code}`;
  return (
    <section class="deliveries" aria-labelledby={id}>
      <h2 id={id}>{words.heading}</h2>
      {log === undefined || log === 'loading' ? (
        <p class="notice">{t.loading}</p>
      ) : log === 'failed' ? (
        <p class="error" role="alert">
          {t.action.failed}
        </p>
      ) : log.length === 0 ? (
        <p class="notice">{words.none}</p>
      ) : (
        <table aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">{words.time}</th>
              <th scope="col">{words.event}</th>
              <th scope="col">{words.channel}</th>
              <th scope="col">{words.target}</th>
              <th scope="col">{words.status}</th>
              <th scope="col">{words.attempts}</th>
            </tr>
          </thead>
          <tbody>
            {log.map((d) => (
              <tr class={{ late: d.status === 'failed' }}>
                <td>{when(locale, d.created_at)}</td>
                <td>{words.topic[d.topic] ?? d.topic}</td>
                <td>{words.channels[d.channel]}</td>
                <td class="target">{d.target}</td>
                <td>
                  <span class={`delivery ${d.status}`}>{words.statuses[d.status]}</span>
                  {d.status === 'delivered' && d.delivered_at && ` · ${when(locale, d.delivered_at)}`}
                  {d.status === 'pending' && ` · ${words.next} ${when(locale, d.next_attempt_at)}`}
                  {d.last_error && d.status !== 'delivered' && <span class="hint">{d.last_error}</span>}
                </td>
                <td>{d.attempts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
};

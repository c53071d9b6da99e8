import type { OfficerApplication } from '@loket/sdk';
import { type FunctionalComponent, h } from '@stencil/core';
import { date, type Locale } from '../../../src/i18n';
import type { DeskMessages } from '../../messages';

type Status = keyof DeskMessages['status'];

/** Every move of the application, oldest first: who, when, to what, with both notes. */
export const History: FunctionalComponent<{
  t: DeskMessages;
  locale: Locale;
  application: OfficerApplication;
}> = ({ t, locale, application }) => (
  <section class="history" aria-labelledby="desk-history-heading">
    <h2 id="desk-history-heading">{t.application.history}</h2>
    <ol>
      {application.history.map((entry) => {
        const officer = entry.actor.startsWith('officer:');
        return (
          <li>
            <p>
              <strong>{t.status[entry.to as Status] ?? entry.to}</strong> ·{' '}
              {date(locale, entry.at, { dateStyle: 'medium', timeStyle: 'short' })} ·{' '}
              {officer ? entry.actor.slice(8) : t.application.actor.citizen}
            </p>
            {entry.public_note && (
              <p>
                <span class="label">{t.application.public}:</span> {entry.public_note}
              </p>
            )}
            {entry.note && (
              <p>
                <span class="label">{t.application.internal}:</span> {entry.note}
              </p>
            )}
            {entry.fields && entry.fields.length > 0 && (
              <p>
                <span class="label">{t.application.revisionFields}:</span> {entry.fields.join(', ')}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  </section>
);

import type { Visit } from '@loket/sdk';
import { type FunctionalComponent, h } from '@stencil/core';
import { date, fill, type Locale } from '../../i18n';
import { zoneName } from '../../utils/location-format';
import { clockText } from '../../utils/visit-format';
import type { TrackerMessages } from './messages/types';

/**
 * The in-person step an application links to: "Datang ke loket: Selasa 12 Januari, 09.30 WIB,
 * MPP Siola, Loket 1 (Dispendukcapil)" with its queue number; nothing once the visit is over
 * or cancelled.
 */
export const VisitLine: FunctionalComponent<{
  locale: Locale;
  t: TrackerMessages;
  visit: Visit | null | undefined;
}> = ({ locale, t, visit: v }) => {
  if (!v || (v.status !== 'booked' && v.status !== 'waiting')) return null;
  const day = date(locale, v.date, { weekday: 'long', day: 'numeric', month: 'long' });
  return (
    <p class="visit" part="visit">
      <strong>{t.status.visit}:</strong>{' '}
      {fill(t.status.visitText, {
        when: `${day}, ${clockText(locale, v.time)} ${zoneName(v.timezone)}`,
        place: v.location.name,
        counter: `${v.counter.label} (${v.counter.agency_name})`,
        number: v.ticket.number,
      })}
    </p>
  );
};

import type { Location, LocationList } from '@loket/sdk';
import { type FunctionalComponent, h } from '@stencil/core';
import { fill, type Locale } from '../../i18n';
import { asOfText, hoursText, mapHref, telHref, today } from '../../utils/location-format';
import type { DetailMessages } from './messages';

interface MppProps {
  d: DetailMessages;
  locale: Locale;
  /** The region's MPPs that offer the service (the province's when the kabupaten/kota has none). */
  locations: LocationList;
  /** The region the finder is for. */
  regionCode: string;
}

/** Which MPPs offer the service, each with today's hours, phone and a map link where known. */
export const MppLocations: FunctionalComponent<MppProps> = ({ d, locale, locations, regionCode }) => (
  <div class="locations">
    <h4>{d.locations}</h4>
    {locations.data.length === 0 ? (
      <p>{d.noLocations}</p>
    ) : (
      [
        locations.region_code !== regionCode && <p>{d.widened}</p>,
        ...locations.data.map((l) => <LocationCard d={d} locale={locale} location={l} />),
      ]
    )}
  </div>
);

const LocationCard: FunctionalComponent<{ d: DetailMessages; locale: Locale; location: Location }> = ({
  d,
  locale,
  location: l,
}) => {
  const offer = l.offer;
  return (
    <div class="location" part="location">
      <p class="location-name">{l.name}</p>
      <p>
        {d.address}: {l.address ?? d.addressUnknown}
      </p>
      <Hours d={d} locale={locale} location={l} />
      {l.phone && (
        <p>
          {d.phone}: <a href={telHref(l.phone.number)}>{l.phone.number}</a>
          {l.phone.scope === 'operator' && ` (${d.phoneOperator})`}
        </p>
      )}
      {l.coordinates && (
        <p>
          <a href={mapHref(l.coordinates)} rel="noopener" target="_blank">
            {d.map}
          </a>
        </p>
      )}
      {offer && (
        <p class="small">
          {fill(offer.match === 'service' ? d.offerService : d.offerAgency, {
            agency: offer.agency_name,
            date: asOfText(locale, offer.since),
          })}
        </p>
      )}
    </div>
  );
};

/** Today's hours in the location's time zone, the week behind a disclosure, and their date. */
const Hours: FunctionalComponent<{ d: DetailMessages; locale: Locale; location: Location }> = ({
  d,
  locale,
  location: l,
}) => {
  const hours = l.opening_hours;
  const now = today(l);
  if (!hours || !now) return <p>{d.hoursUnknown}</p>;
  const dayText = (day: typeof now) =>
    day.status === 'open'
      ? hoursText(locale, day, l.timezone)
      : day.status === 'closed'
        ? d.closed
        : d.dayUnknown;
  return [
    <p>
      {fill(d.today, { day: d.days[now.day] })}: {dayText(now)}
    </p>,
    <details>
      <summary>{d.hours}</summary>
      <ul class="plain">
        {hours.days.map((day) => (
          <li>
            {d.days[day.day]}: {dayText(day)}
          </li>
        ))}
      </ul>
      <p class="small">{fill(d.hoursAsOf, { date: asOfText(locale, hours.as_of) })}</p>
    </details>,
  ];
};

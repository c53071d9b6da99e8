import { getPerformance, type LoketCore } from '@loket/sdk';
import { type FunctionalComponent, h } from '@stencil/core';
import { fill, intlLocale, type Locale } from '../../i18n';
import { detailText } from './messages/detail';

// A service's published figures in the region, in its detail: the IKM with its band and the
// share completed by the due date, this year (GET /v1/performance). Part of the detail view's
// chunk, fetched when a detail opens (never in the finder's first load); nothing is shown when
// the index is withheld (too few responses) or absent, or the request fails.

interface Score {
  year: string;
  ikm: number | null;
  band: { mutu: string; kinerja: string } | null;
  onTime: number | null;
}

const scores = new Map<string, Score | null>();

/** Fetches the figures of `service` in `region` for the detail about to show; never fails. */
export async function loadScore(
  core: LoketCore,
  region: string | null,
  service: string,
  signal: AbortSignal,
) {
  if (!region) return;
  const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date()).slice(0, 4);
  try {
    const p = await getPerformance(core, { region, period: year, service }, { signal });
    const cell = p.satisfaction;
    scores.set(`${region} ${service}`, {
      year,
      ikm: cell.published ? cell.ikm : null,
      band: cell.published ? cell.band : null,
      onTime: p.services.find((s) => s.service === service)?.on_time_share ?? null,
    });
  } catch {
    scores.set(`${region} ${service}`, null);
  }
}

/** The figures as one fact of the detail, or nothing. */
export const ServiceScore: FunctionalComponent<{
  locale: Locale;
  region: string | null;
  service: string;
}> = ({ locale, region, service }) => {
  const score = scores.get(`${region} ${service}`);
  if (!score || (score.band === null && score.onTime === null)) return null;
  const d = detailText.get(locale);
  const format = (value: number, options: Intl.NumberFormatOptions) =>
    new Intl.NumberFormat(intlLocale[locale], options).format(value);
  return (
    <div part="score">
      <dt>{fill(d.score, { year: score.year })}</dt>
      {score.band && (
        <dd>
          {fill(d.scoreBand, {
            ikm: format(score.ikm ?? 0, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
            ...score.band,
          })}
        </dd>
      )}
      {score.onTime !== null && (
        <dd>
          {fill(d.onTime, { share: format(score.onTime, { style: 'percent', maximumFractionDigits: 1 }) })}
        </dd>
      )}
    </div>
  );
};

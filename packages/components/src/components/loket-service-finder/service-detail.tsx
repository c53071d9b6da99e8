import type { LocationList, LoketCore, Service } from '@loket/sdk';
import { type FunctionalComponent, h } from '@stencil/core';
import { fill, type Locale } from '../../i18n';
import { list } from '../../i18n/list';
import { money } from '../../i18n/money';
import { adoptStyles } from '../../kit/styles';
import { durationText, feeText } from '../../utils/service-format';
import detailCss from './detail.css';
import { MppLocations } from './location-card';
import type { FinderMessages } from './messages';
import { detailText } from './messages/detail';
import { loadScore, ServiceScore } from './service-score';

export { detailText };

/** What the detail needs before it shows: its strings in this locale, and the service's figures in the region. */
export async function prepare(
  host: { core: LoketCore; locale: Locale; regionCode: string | null },
  slug: string,
  signal: AbortSignal,
) {
  await Promise.all([detailText.load(host.locale), loadScore(host.core, host.regionCode, slug, signal)]);
}

/** Adds the detail's styles to the finder's shadow root (kit/styles.ts), before it first shows. */
export const styleDetail = (root: ShadowRoot | null) => adoptStyles(root, detailCss);

export interface DetailProps {
  locale: Locale;
  t: FinderMessages;
  service: Service;
  /** The region's MPPs that offer this service; `null` while loading, without a region, or on error. */
  locations: LocationList | null;
  /** The region the finder is for. */
  regionCode: string | null;
  applyHref: string | null;
  /** The visit booking page for this service, when a counter of the region takes bookings for it. */
  visitHref?: string | null;
  onBack: (event: MouseEvent) => void;
  /** "Kembali ke hasil", or `null` on the service's own page (`own-page`): there the page's heading names the service, and the detail's heading only says what follows. */
  backHref: string | null;
  onApply: (event: MouseEvent) => void;
}

/** One service with the six Standar Pelayanan components (PermenPANRB 15/2014) and where to go. */
export const ServiceDetail: FunctionalComponent<DetailProps> = (p) => {
  const { t, service: s, locale } = p;
  const d = detailText.get(locale);
  return (
    <article class="detail" part="detail" aria-labelledby="loket-detail-heading">
      {p.backHref === null ? (
        <h2 id="loket-detail-heading" class="visually-hidden" tabIndex={-1}>
          {d.about}
        </h2>
      ) : (
        [
          <a class="back" part="back" href={p.backHref} onClick={p.onBack}>
            <span aria-hidden="true">← </span>
            {t.detail.back}
          </a>,
          <h2 id="loket-detail-heading" class="detail-heading" tabIndex={-1}>
            {s.name}
          </h2>,
        ]
      )}
      <p class="agency">{s.agency.name}</p>
      {s.form_available && <Apply {...p} />}
      <section aria-labelledby="loket-req">
        <h3 id="loket-req">{d.requirements}</h3>
        <p class="hint" id="loket-req-hint">
          {d.requirementsHint}
        </p>
        <ul class="checklist">
          {s.requirements.map((item, i) => (
            <li>
              <input type="checkbox" id={`loket-req-${i}`} class="check" aria-describedby="loket-req-hint" />
              <label htmlFor={`loket-req-${i}`}>{item}</label>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="loket-proc">
        <h3 id="loket-proc">{d.procedure}</h3>
        <ol class="steps">
          {s.procedure.map((step) => (
            <li>{step}</li>
          ))}
        </ol>
      </section>
      <dl class="facts detail-facts">
        <div>
          <dt>{d.duration}</dt>
          <dd>
            {durationText(locale, t, s.duration.days)}
            {s.duration.text && <span class="small">{s.duration.text}</span>}
          </dd>
        </div>
        <div>
          <dt>{d.fee}</dt>
          <dd>
            <span class={{ free: s.fee.free }}>{feeText(locale, t, s.fee)}</span>
            {s.fee.variants.length > 0 && (
              <ul class="variants">
                {s.fee.variants.map((v) => (
                  <li>
                    {v.label}: {v.amount_idr === null ? t.fee.unknown : money(locale, v.amount_idr)}
                  </li>
                ))}
              </ul>
            )}
            {s.fee.legal_basis && (
              <span class="small">
                {d.feeBasis}: {s.fee.legal_basis}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>{d.output}</dt>
          <dd>{s.output}</dd>
        </div>
        <ServiceScore locale={locale} region={p.regionCode} service={s.id} />
      </dl>
      <Where {...p} />
      <section aria-labelledby="loket-complaint">
        <h3 id="loket-complaint">{d.complaint}</h3>
        <ul class="plain">
          {s.complaint.channels.map((c) => (
            <li>
              {c.url ? (
                <a href={c.url} rel="noopener" target="_blank">
                  {c.name}
                </a>
              ) : (
                c.name
              )}
            </li>
          ))}
        </ul>
      </section>
      <About {...p} />
    </article>
  );
};

const Apply: FunctionalComponent<DetailProps> = ({ locale, applyHref, onApply }) => {
  const d = detailText.get(locale);
  return (
    <div class="apply" part="apply">
      {applyHref ? (
        <a class="button primary" part="button apply-button" href={applyHref} onClick={onApply}>
          {d.apply}
        </a>
      ) : (
        <button type="button" class="button primary" part="button apply-button" onClick={onApply}>
          {d.apply}
        </button>
      )}
      <span class="small">{d.applyHint}</span>
    </div>
  );
};

const Where: FunctionalComponent<DetailProps> = ({
  t,
  service: s,
  locations,
  locale,
  regionCode,
  visitHref,
}) => {
  const d = detailText.get(locale);
  const named = locations?.data.some((l) => l.offer?.match === 'service');
  return (
    <section aria-labelledby="loket-where">
      <h3 id="loket-where">{d.where}</h3>
      <ul class="plain">
        {s.channels.map((c) => (
          <li>{t.channel[c]}</li>
        ))}
      </ul>
      {s.online_url && (
        <p>
          {d.online}:{' '}
          <a href={s.online_url} rel="noopener" target="_blank">
            {d.onlineLink}
          </a>
        </p>
      )}
      {locations && regionCode && (s.channels.includes('mpp') || named) && (
        <MppLocations d={d} locale={locale} locations={locations} regionCode={regionCode} />
      )}
      {visitHref && (
        <p class="apply">
          <a class="button" part="button visit" href={visitHref}>
            {d.visit}
          </a>
          <span class="small">{d.visitHint}</span>
        </p>
      )}
    </section>
  );
};

/** Where the facts come from and how sure they are, so regional teams know what to verify. */
const About: FunctionalComponent<DetailProps> = ({ service: s, locale }) => {
  const d = detailText.get(locale);
  return (
    <details class="about" part="about">
      <summary>
        {d.legalBasis} · {d.sources}
      </summary>
      <p>
        {d.confidenceLabel}: {d.confidence[s.confidence]}
      </p>
      {s.override && (
        <p>
          {fill(d.localChange, {
            fields: list(
              locale,
              s.override.fields.map((f) => d.localFields[f] ?? f),
            ),
          })}
        </p>
      )}
      <ul>
        {s.legal_basis.map((b) => (
          <li>{b}</li>
        ))}
      </ul>
      <h4>{d.sources}</h4>
      <SourceList sources={s.sources} />
      {s.override &&
        s.override.sources.length > 0 && [
          <h4>{d.localSources}</h4>,
          <SourceList sources={s.override.sources} />,
        ]}
    </details>
  );
};

/** Sources as cited; a web address is a link. */
const SourceList: FunctionalComponent<{ sources: string[] }> = ({ sources }) => (
  <ul class="sources">
    {sources.map((src) => (
      <li>
        {/^https?:\/\//.test(src) ? (
          <a href={src.split(' ')[0]} rel="noopener" target="_blank">
            {src}
          </a>
        ) : (
          src
        )}
      </li>
    ))}
  </ul>
);

import type { LifeEvent, LifeEventStep } from '@loket/sdk';
import { type FunctionalComponent, h } from '@stencil/core';
import { durationText, feeText } from '../../utils/service-format';
import type { FinderState } from '../../utils/url-state';
import type { BrowseHost } from './browse-area';
import { browseText } from './messages/browse';

/** Links inside browsing: real URLs (they open in a new tab too), followed as history steps. */
export const links = (host: BrowseHost) => ({
  href: host.hrefOf,
  /** Shows `change`, then focuses `focus` once shown; `opener` gets focus back on the way back. */
  go: (change: Partial<FinderState>, event: MouseEvent, focus: string, opener?: string) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    if (opener) host.browseOpener = opener;
    host.navigate({ ...host.state, ...change, service: null });
    host.focusing.later(() => host.focusing.find(focus));
  },
});

/** A back link inside browsing: shows `change`, focus goes back to `focus`. */
export const BackLink: FunctionalComponent<{
  host: BrowseHost;
  change: Partial<FinderState>;
  focus: string;
}> = ({ host, change, focus }, children) => {
  const { href, go } = links(host);
  return (
    <a class="back" part="back" href={href(change)} onClick={(e: MouseEvent) => go(change, e, focus)}>
      <span aria-hidden="true">← </span>
      {children}
    </a>
  );
};

/** One life event: why, its steps in order (each a link to the service), those needed only sometimes. */
export const EventSteps: FunctionalComponent<{ host: BrowseHost; event: LifeEvent }> = ({ host, event }) => {
  const b = browseText.get(host.locale);
  return (
    <article class="detail" part="life-event" aria-labelledby="loket-event-heading">
      <BackLink host={host} change={{ event: null }} focus={`a[data-event="${event.id}"]`}>
        {b.back}
      </BackLink>
      <h2 id="loket-event-heading" class="detail-heading" tabIndex={-1}>
        {event.name}
      </h2>
      <p>{event.rationale}</p>
      <section aria-labelledby="loket-steps">
        <h3 id="loket-steps">{b.steps}</h3>
        <ol class="path">
          {event.steps.map((step) => (
            <li key={step.service.id}>
              <Step host={host} step={step} />
              <p>{step.why}</p>
            </li>
          ))}
        </ol>
      </section>
      {event.conditional.length > 0 && (
        <section aria-labelledby="loket-conditional">
          <h3 id="loket-conditional">{b.conditional}</h3>
          <p class="hint">{b.conditionalHint}</p>
          <ul class="path">
            {event.conditional.map((step) => (
              <li key={step.service.id}>
                <Step host={host} step={step} />
                <p>
                  {b.when}: {step.when}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
      <details class="about" part="about">
        <summary>{b.sources}</summary>
        <ul class="sources">
          {event.sources.map((src) => (
            <li>{src}</li>
          ))}
        </ul>
      </details>
    </article>
  );
};

/** One step: the service as a link to its details, what it produces, its fee and time. */
const Step: FunctionalComponent<{ host: BrowseHost; step: Pick<LifeEventStep, 'service' | 'produces'> }> = ({
  host,
  step,
}) => {
  const { service } = step;
  const { locale, t } = host;
  return [
    <h4 class="step-title">
      <a
        href={links(host).href({ service: service.id })}
        data-service={service.id}
        onClick={(e: MouseEvent) => host.onOpen(service, e)}
      >
        {service.name}
      </a>
    </h4>,
    <p class="small">
      {browseText.get(locale).produces}: {step.produces} · {feeText(locale, t, service.fee)} ·{' '}
      {durationText(locale, t, service.duration_days)}
    </p>,
  ];
};

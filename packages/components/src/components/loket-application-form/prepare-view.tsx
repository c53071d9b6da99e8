import type { FormDefinition, Service } from '@loket/sdk';
import { type FunctionalComponent, h } from '@stencil/core';
import type { Locale } from '../../i18n';
import { durationText, feeText } from '../../utils/service-format';
import { HEADING_ID, say } from './flow';
import type { FormMessages } from './messages';

interface PrepareProps {
  locale: Locale;
  t: FormMessages;
  service: Service;
  /** `null`: the service has no online form. */
  form: FormDefinition | null;
  /** Answers exist already: the button continues. */
  started: boolean;
  onStart(): void;
}

/**
 * What to have ready before starting (GOV.UK start page): the form's title, the requirements as
 * a checklist, fee and time, and one start button. Without a form it says so, and links nowhere.
 */
export const PrepareView: FunctionalComponent<PrepareProps> = ({
  locale,
  t,
  service,
  form,
  started,
  onStart,
}) => (
  <div class="prepare" part="prepare">
    <h2 id={HEADING_ID} tabIndex={-1}>
      {form ? say(form.title, locale) : service.name}
    </h2>
    <p class="agency">{service.agency.name}</p>
    {form ? (
      <p class="lead">{t.prepare.intro}</p>
    ) : (
      <div class="notice" part="notice">
        <h3>{t.load.noFormTitle}</h3>
        <p>{t.load.noFormBody}</p>
      </div>
    )}
    <section aria-labelledby="loket-req">
      <h3 id="loket-req">{t.prepare.requirements}</h3>
      <p class="hint" id="loket-req-hint">
        {t.prepare.requirementsHint}
      </p>
      <ul class="checklist">
        {service.requirements.map((item, i) => (
          <li class="choice">
            <input type="checkbox" id={`loket-req-${i}`} class="tick" aria-describedby="loket-req-hint" />
            <label htmlFor={`loket-req-${i}`}>{item}</label>
          </li>
        ))}
      </ul>
    </section>
    <dl class="facts">
      <div>
        <dt>{t.prepare.fee}</dt>
        <dd>{feeText(locale, t, service.fee)}</dd>
      </div>
      <div>
        <dt>{t.prepare.duration}</dt>
        <dd>{durationText(locale, t, service.duration.days)}</dd>
      </div>
    </dl>
    {form && (
      <div class="actions">
        <button type="button" class="button primary start" part="button start" onClick={onStart}>
          {started ? t.prepare.resume : t.prepare.start}
          <span class="arrow" aria-hidden="true">
            →
          </span>
        </button>
        <p class="hint">{t.prepare.autosave}</p>
      </div>
    )}
  </div>
);

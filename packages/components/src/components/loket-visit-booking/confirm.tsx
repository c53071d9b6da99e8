import { type FunctionalComponent, h } from '@stencil/core';
import { fill } from '../../i18n';
import { visitWhen } from '../../utils/visit-format';
import { ErrorSummary, StepActions } from './fields';
import { countersOf, locationOf } from './state';
import type { StepProps } from './steps';

/** Check your answers: each with "Ubah", then the one button that books. */
export const ConfirmStep: FunctionalComponent<StepProps> = (p) => {
  const { s, t } = p;
  const location = locationOf(s);
  const counter = countersOf(s)[0];
  const service = s.serviceId ? (s.services.get(s.serviceId)?.name ?? s.serviceId) : '';
  const rows: [string, string, 'place' | 'day' | 'slot' | 'contact' | null][] = [
    [t.confirm.place, location?.name ?? '', s.rescheduling ? null : 'place'],
    [
      t.confirm.service,
      counter ? `${service} (${fill(t.service.counter, { counter: counter.agency_name })})` : service,
      null,
    ],
    [
      t.confirm.when,
      s.day && s.time ? visitWhen(s.locale, s.day, s.time, location?.timezone ?? 'Asia/Jakarta') : '',
      'day',
    ],
  ];
  if (!s.rescheduling)
    rows.push([t.confirm.who, [s.name, s.phone, s.email].filter((v) => v.trim()).join(', '), 'contact']);
  return (
    <form
      class="step"
      part="step confirm"
      noValidate
      aria-labelledby="loket-step-heading"
      onSubmit={(e: Event) => {
        e.preventDefault();
        p.onSubmit();
      }}
    >
      <p class="small step-count">{fill(t.step, { n: 6, total: 6 })}</p>
      <h2 id="loket-step-heading" tabIndex={-1}>
        {t.confirm.heading}
      </h2>
      <ErrorSummary t={t} errors={{}} general={s.general} onFocusField={p.onFocusField} />
      <dl class="answers" part="answers">
        {rows.map(([label, value, edit]) => (
          <div>
            <dt>{label}</dt>
            <dd>{value}</dd>
            <dd class="change">
              {edit && (
                <button type="button" class="link" onClick={() => p.onEdit(edit)}>
                  {t.confirm.change}
                  <span class="visually-hidden"> {label.toLowerCase()}</span>
                </button>
              )}
            </dd>
          </div>
        ))}
      </dl>
      <StepActions
        t={t}
        submit={s.busy ? t.confirm.sending : s.rescheduling ? t.ticket.reschedule : t.confirm.submit}
        busy={s.busy}
        onBack={p.onBack}
      />
    </form>
  );
};

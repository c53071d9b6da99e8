import { type FunctionalComponent, h } from '@stencil/core';
import { date, fill, plural } from '../../i18n';
import { zoneName } from '../../utils/location-format';
import { DayPicker } from './day-picker';
import { type Choice, ErrorSummary, RadioGroup, StepActions, TextField } from './fields';
import type { VisitMessages } from './messages';
import { canSortByDistance } from './nearest';
import { type BookingView, locationOf, servicesAt } from './state';

/** What a step does besides showing: the component's handlers. */
export interface StepActionsProps {
  onSubmit: () => void;
  onBack: (() => void) | undefined;
  onFocusField: (id: string) => void;
  onChoose: (field: 'locationId' | 'serviceId' | 'time', value: string) => void;
  onNearest: () => void;
  onFocusDay: (day: string) => void;
  onSelectDay: (day: string) => void;
  onInput: (field: 'name' | 'phone' | 'email' | 'lookupCode' | 'lookupSecret', value: string) => void;
  onEdit: (step: 'place' | 'day' | 'slot' | 'contact') => void;
}

export type StepProps = { s: BookingView; t: VisitMessages } & StepActionsProps;

/** A step: its heading (focused when it opens), the error summary, its question, its buttons. */
const StepForm: FunctionalComponent<StepProps & { heading: string; submit?: string; n: number }> = (
  p,
  children,
) => (
  <form
    class="step"
    part="step"
    noValidate
    aria-labelledby="loket-step-heading"
    onSubmit={(e: Event) => {
      e.preventDefault();
      p.onSubmit();
    }}
  >
    <p class="small step-count">{fill(p.t.step, { n: p.n, total: 6 })}</p>
    <h2 id="loket-step-heading" tabIndex={-1}>
      {p.heading}
    </h2>
    <ErrorSummary t={p.t} errors={p.s.errors} general={p.s.general} onFocusField={p.onFocusField} />
    {children}
    <StepActions t={p.t} submit={p.submit} busy={p.s.busy} onBack={p.onBack} />
  </form>
);

export const PlaceStep: FunctionalComponent<StepProps> = (p) => {
  const { s, t } = p;
  const locations = s.locations ?? [];
  if (locations.length === 0) return <p part="empty">{t.place.none}</p>;
  const choices: Choice[] = s.placed.map(({ location: l, km }) => ({
    value: l.id,
    label: l.name,
    hint: [
      l.address,
      s.sorting === 'sorted'
        ? km === null
          ? t.place.noDistance
          : fill(t.place.km, { km: km.toFixed(1) })
        : null,
    ]
      .filter(Boolean)
      .join(' · '),
  }));
  return (
    <StepForm {...p} heading={t.place.heading} n={1}>
      {canSortByDistance(locations) ? (
        <p class="nearest">
          <button
            type="button"
            class="button"
            part="button nearest"
            aria-disabled={s.sorting === 'busy' ? 'true' : null}
            onClick={p.onNearest}
          >
            {s.sorting === 'busy' ? t.place.nearestBusy : t.place.nearest}
          </button>
          {s.sorting === 'sorted' && <span class="small"> {t.place.nearestSorted}</span>}
          {s.sorting === 'denied' && <span class="small"> {t.place.nearestDenied}</span>}
        </p>
      ) : (
        <p class="small" part="no-coordinates">
          {t.place.noCoordinates}
        </p>
      )}
      <RadioGroup
        t={t}
        name="place"
        legend={t.place.heading}
        hint={t.place.hint}
        choices={choices}
        value={s.locationId}
        error={s.errors['loket-place']}
        onChange={(v) => p.onChoose('locationId', v)}
      />
    </StepForm>
  );
};

export const ServiceStep: FunctionalComponent<StepProps> = (p) => {
  const { s, t } = p;
  const location = locationOf(s);
  const ids = servicesAt(location);
  const counterOf = (id: string) => location?.counters.find((c) => c.service_ids.includes(id));
  const choices = ids.map((id) => {
    const counter = counterOf(id);
    return {
      value: id,
      label: s.services.get(id)?.name ?? id,
      hint: counter
        ? `${fill(t.service.counter, { counter: counter.agency_name })} · ${counter.label}`
        : undefined,
    };
  });
  return (
    <StepForm {...p} heading={t.service.heading} n={2}>
      {ids.length === 0 ? (
        <p>{t.service.none}</p>
      ) : (
        <RadioGroup
          t={t}
          name="service"
          legend={t.service.heading}
          hint={fill(t.service.hint, { place: location?.name ?? '' })}
          choices={choices}
          value={s.serviceId}
          error={s.errors['loket-service']}
          onChange={(v) => p.onChoose('serviceId', v)}
        />
      )}
    </StepForm>
  );
};

export const DayStep: FunctionalComponent<StepProps> = (p) => {
  const { s, t } = p;
  const list = s.days;
  return (
    <StepForm {...p} heading={t.day.heading} n={3}>
      {s.rescheduling && <p class="notice">{t.ticket.rescheduling}</p>}
      <p class="hint" id="loket-day-hint">
        {t.day.hint}
      </p>
      {s.errors['loket-day'] && (
        <p class="field-error">
          <span class="visually-hidden">{t.errorPrefix} </span>
          {s.errors['loket-day']}
        </p>
      )}
      {!list || !s.focusedDay ? (
        <p class="small loading">{t.loading}</p>
      ) : (
        <DayPicker
          locale={s.locale}
          t={t}
          days={new Map(list.data.map((d) => [d.date, d]))}
          today={list.today}
          last={list.data.at(-1)?.date ?? list.today}
          focused={s.focusedDay}
          selected={s.day}
          onFocusDay={p.onFocusDay}
          onSelect={p.onSelectDay}
        />
      )}
    </StepForm>
  );
};

export const SlotStep: FunctionalComponent<StepProps> = (p) => {
  const { s, t } = p;
  const list = s.slots;
  const location = locationOf(s);
  const time = (hhmm: string) => (s.locale === 'id' ? hhmm.replace(':', '.') : hhmm);
  const choices = (list?.slots ?? []).map((slot) => ({
    value: slot.time,
    label: `${time(slot.time)}–${time(slot.end)}`,
    hint: slot.bookable ? plural(s.locale, t.slot.remaining, slot.remaining) : t.day.full,
    disabled: !slot.bookable,
  }));
  const hint = fill(t.slot.hint, {
    day: s.day
      ? date(s.locale, s.day, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
      : '',
    place: location?.name ?? '',
    zone: zoneName((location?.timezone ?? 'Asia/Jakarta') as 'Asia/Jakarta'),
  });
  return (
    <StepForm {...p} heading={t.slot.heading} n={4}>
      {!list ? (
        <p class="small loading">{t.loading}</p>
      ) : choices.some((c) => !c.disabled) ? (
        <RadioGroup
          t={t}
          name="slot"
          legend={t.slot.heading}
          hint={hint}
          choices={choices}
          value={s.time}
          error={s.errors['loket-slot']}
          onChange={(v) => p.onChoose('time', v)}
        />
      ) : (
        <p>{list.reason ?? t.slot.none}</p>
      )}
    </StepForm>
  );
};

export const ContactStep: FunctionalComponent<StepProps> = (p) => {
  const { s, t } = p;
  const field = (id: 'name' | 'phone' | 'email', type: 'text' | 'tel' | 'email', autocomplete: string) => (
    <TextField
      t={t}
      id={`loket-${id}`}
      label={t.contact[id]}
      hint={t.contact[`${id}Hint`]}
      error={s.errors[`loket-${id}`]}
      value={s[id]}
      type={type}
      autocomplete={autocomplete}
      onInput={(v) => p.onInput(id, v)}
    />
  );
  return (
    <StepForm {...p} heading={t.contact.heading} n={5}>
      <p class="hint">{t.contact.hint}</p>
      {field('name', 'text', 'name')}
      {field('phone', 'tel', 'tel')}
      {field('email', 'email', 'email')}
    </StepForm>
  );
};

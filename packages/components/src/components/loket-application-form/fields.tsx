import type { Answers, AnswerValue, FormField } from '@loket/sdk';
import { normalizeAnswer, todayInJakarta } from '@loket/sdk/forms';
import { type FunctionalComponent, h } from '@stencil/core';
import type { Locale } from '../../i18n';
import { controlId, say } from './flow';
import type { FormMessages } from './messages';

/** What every field needs from the form: answers, errors, and where to send changes. */
export interface FieldContext {
  locale: Locale;
  t: FormMessages;
  answers: Answers;
  /** Inline errors by field id. */
  errors: Record<string, string>;
  /**
   * What was typed where the answer is not the text itself: a number (it may not be a number yet),
   * a NIK, KK or phone number (the answer is normalized: `3578 0612…` is stored `35780612…`).
   */
  typed: Record<string, string>;
  set(field: string, value: AnswerValue | null): void;
  setTyped(field: FormField, text: string): void;
  blur(field: string): void;
}

interface Props {
  ctx: FieldContext;
  field: FormField;
}

const hintId = (f: FormField) => `${controlId(f.id)}-hint`;
const errorId = (f: FormField) => `${controlId(f.id)}-error`;

/** The hint and error ids a control is described by. */
export const describedBy = (ctx: FieldContext, f: FormField, extra: string[] = []) =>
  [f.help ? hintId(f) : '', ...extra, ctx.errors[f.id] ? errorId(f) : ''].filter(Boolean).join(' ') ||
  undefined;

export const Optional: FunctionalComponent<Props> = ({ ctx, field }) =>
  field.required ? null : <span class="optional"> {ctx.t.step.optional}</span>;

/** The hint and the inline error (GOV.UK order: label, hint, error, control). */
export const HintAndError: FunctionalComponent<Props> = ({ ctx, field }) => [
  field.help && (
    <p class="hint" id={hintId(field)}>
      {say(field.help, ctx.locale)}
    </p>
  ),
  ctx.errors[field.id] && (
    <p class="error-message" id={errorId(field)} part="error-message">
      {ctx.errors[field.id]}
    </p>
  ),
];

const text = (value: AnswerValue | undefined) => (typeof value === 'string' ? value : '');
const nullIfEmpty = (value: string) => (value === '' ? null : value);

/** Browser hints per type: keyboard, autofill, width. */
const inputKind: Partial<Record<FormField['type'], Record<string, string | boolean>>> = {
  text: { type: 'text' },
  nik: { type: 'text', inputMode: 'numeric', autoComplete: 'off', spellcheck: false, class: 'w-20' },
  kk: { type: 'text', inputMode: 'numeric', autoComplete: 'off', spellcheck: false, class: 'w-20' },
  phone: { type: 'tel', autoComplete: 'tel', class: 'w-20' },
  email: { type: 'email', autoComplete: 'email', spellcheck: false },
  number: { type: 'text', inputMode: 'decimal', class: 'w-10' },
  date: { type: 'date', class: 'w-10' },
};

/** Answers that are not the text typed: parsed (`number`) or normalized (NIK, KK, phone). */
const typedKinds = { number: 1, nik: 1, kk: 1, phone: 1 };

const dateBound = (value: string | undefined) => (value === 'today' ? todayInJakarta() : value);

/** One question, by its type. `file` fields are FileField's. */
export const Field: FunctionalComponent<Props> = (p) => {
  switch (p.field.type) {
    case 'radio':
      return <Choices {...p} kind="radio" />;
    case 'checkbox':
      return p.field.options?.length ? <Choices {...p} kind="checkbox" /> : <YesNo {...p} />;
    case 'select':
      return <Select {...p} />;
    case 'textarea':
      return <TextArea {...p} />;
    default:
      return <Input {...p} />;
  }
};

const Wrapper: FunctionalComponent<Props> = ({ ctx, field }, children) => (
  <div class={{ field: true, invalid: !!ctx.errors[field.id] }} part="field" data-field={field.id}>
    {children}
  </div>
);

const Label: FunctionalComponent<Props> = (p) => (
  <label class="label" htmlFor={controlId(p.field.id)}>
    {say(p.field.label, p.ctx.locale)}
    <Optional {...p} />
  </label>
);

const Input: FunctionalComponent<Props> = (p) => {
  const { ctx, field } = p;
  const { class: width, ...kind } = inputKind[field.type] ?? { type: 'text' };
  const answer = ctx.answers[field.id];
  const typed = ctx.typed[field.id];
  const value =
    field.type === 'number'
      ? (typed ?? (typeof answer === 'number' ? String(answer) : ''))
      : // what was typed, while it is what the answer says (the session may bring another device's)
        typed !== undefined && (normalizeAnswer(field, typed) || null) === (answer ?? null)
        ? typed
        : text(answer);
  return (
    <Wrapper {...p}>
      <Label {...p} />
      <HintAndError {...p} />
      <input
        {...kind}
        id={controlId(field.id)}
        class={`input ${width ?? ''}`}
        part="input"
        name={field.id}
        value={value}
        autoComplete={field.autocomplete ?? (kind.autoComplete as string | undefined)}
        min={field.type === 'date' ? dateBound(field.min_date) : undefined}
        max={field.type === 'date' ? dateBound(field.max_date) : undefined}
        aria-describedby={describedBy(ctx, field)}
        aria-invalid={ctx.errors[field.id] ? 'true' : undefined}
        onInput={(e: Event) => {
          const typed = (e.target as HTMLInputElement).value;
          if (field.type in typedKinds) ctx.setTyped(field, typed);
          else ctx.set(field.id, nullIfEmpty(typed));
        }}
        onBlur={() => ctx.blur(field.id)}
      />
    </Wrapper>
  );
};

const TextArea: FunctionalComponent<Props> = (p) => (
  <Wrapper {...p}>
    <Label {...p} />
    <HintAndError {...p} />
    <textarea
      id={controlId(p.field.id)}
      class="input"
      part="input"
      name={p.field.id}
      rows={5}
      autoComplete={p.field.autocomplete}
      aria-describedby={describedBy(p.ctx, p.field)}
      aria-invalid={p.ctx.errors[p.field.id] ? 'true' : undefined}
      value={text(p.ctx.answers[p.field.id])}
      onInput={(e: Event) => p.ctx.set(p.field.id, nullIfEmpty((e.target as HTMLTextAreaElement).value))}
      onBlur={() => p.ctx.blur(p.field.id)}
    />
  </Wrapper>
);

const Select: FunctionalComponent<Props> = (p) => {
  const { ctx, field } = p;
  const value = text(ctx.answers[field.id]);
  return (
    <Wrapper {...p}>
      <Label {...p} />
      <HintAndError {...p} />
      <select
        id={controlId(field.id)}
        class="input select"
        part="input"
        name={field.id}
        autoComplete={field.autocomplete}
        aria-describedby={describedBy(ctx, field)}
        aria-invalid={ctx.errors[field.id] ? 'true' : undefined}
        onChange={(e: Event) => ctx.set(field.id, nullIfEmpty((e.target as HTMLSelectElement).value))}
      >
        <option value="" selected={value === ''}>
          {ctx.t.step.choose}
        </option>
        {field.options?.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {say(o.label, ctx.locale)}
          </option>
        ))}
      </select>
    </Wrapper>
  );
};

/** Radios, or checkboxes with options: a fieldset whose legend is the question. */
const Choices: FunctionalComponent<Props & { kind: 'radio' | 'checkbox' }> = (p) => {
  const { ctx, field, kind } = p;
  const answer = ctx.answers[field.id];
  const chosen = Array.isArray(answer) ? answer : typeof answer === 'string' ? [answer] : [];
  const toggle = (value: string, on: boolean) => {
    if (kind === 'radio') return ctx.set(field.id, value);
    const next = on ? [...chosen, value] : chosen.filter((v) => v !== value);
    ctx.set(field.id, next.length > 0 ? next : null);
  };
  return (
    <Wrapper {...p}>
      <fieldset class="fieldset" aria-describedby={describedBy(ctx, field)}>
        <legend class="label">
          {say(field.label, ctx.locale)}
          <Optional {...p} />
        </legend>
        <HintAndError {...p} />
        <div class="choices">
          {field.options?.map((o, i) => {
            const id = i === 0 ? controlId(field.id) : `${controlId(field.id)}-${i}`;
            return (
              <div class="choice">
                <input
                  type={kind}
                  id={id}
                  class="tick"
                  name={field.id}
                  value={o.value}
                  checked={chosen.includes(o.value)}
                  onChange={(e: Event) => toggle(o.value, (e.target as HTMLInputElement).checked)}
                />
                <label htmlFor={id}>{say(o.label, ctx.locale)}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </Wrapper>
  );
};

/** A checkbox without options: one yes/no box labelled by the question. */
const YesNo: FunctionalComponent<Props> = (p) => {
  const { ctx, field } = p;
  return (
    <Wrapper {...p}>
      <HintAndError {...p} />
      <div class="choice">
        <input
          type="checkbox"
          id={controlId(field.id)}
          class="tick"
          name={field.id}
          checked={ctx.answers[field.id] === true}
          aria-describedby={describedBy(ctx, field)}
          aria-invalid={ctx.errors[field.id] ? 'true' : undefined}
          onChange={(e: Event) => ctx.set(field.id, (e.target as HTMLInputElement).checked || null)}
        />
        <label htmlFor={controlId(field.id)}>
          {say(field.label, ctx.locale)}
          <Optional {...p} />
        </label>
      </div>
    </Wrapper>
  );
};

import { type FunctionalComponent, h } from '@stencil/core';
import type { VisitMessages } from './messages';

/** A field's error, keyed by the id of the control the error summary links to. */
export type StepErrors = Record<string, string>;

/**
 * GOV.UK's error summary: it takes focus (the component focuses `[part~="error-summary"]`), its
 * alert is announced, each link moves focus to its field (fragment links do not reach into a
 * shadow root, so `onFocusField` does it).
 */
export const ErrorSummary: FunctionalComponent<{
  t: VisitMessages;
  errors: StepErrors;
  general?: string | null;
  onFocusField: (id: string) => void;
}> = ({ t, errors, general, onFocusField }) => {
  const links = Object.entries(errors);
  if (links.length === 0 && !general) return null;
  return (
    <div class="summary" part="error-summary" tabIndex={-1}>
      <div role="alert">
        <h3>{t.errorTitle}</h3>
        {general && <p>{general}</p>}
        {links.length > 0 && (
          <ul>
            {links.map(([id, text]) => (
              <li>
                <a
                  href={`#${id}`}
                  onClick={(e: MouseEvent) => {
                    e.preventDefault();
                    onFocusField(id);
                  }}
                >
                  {text}
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
};

export interface Choice {
  value: string;
  label: string;
  hint?: string;
  disabled?: boolean;
}

/** One question answered by one radio button: a fieldset whose legend is the step's heading. */
export const RadioGroup: FunctionalComponent<{
  t: VisitMessages;
  name: string;
  legend: string;
  hint?: string;
  choices: Choice[];
  value: string | null;
  error?: string;
  onChange: (value: string) => void;
}> = (p) => {
  const hintId = `loket-${p.name}-hint`;
  const errorId = `loket-${p.name}-error`;
  return (
    <fieldset
      class={{ question: true, invalid: Boolean(p.error) }}
      aria-describedby={p.error ? `${hintId} ${errorId}` : hintId}
    >
      <legend class="visually-hidden">{p.legend}</legend>
      {p.hint && (
        <p class="hint" id={hintId}>
          {p.hint}
        </p>
      )}
      {p.error && (
        <p class="field-error" id={errorId}>
          <span class="visually-hidden">{p.t.errorPrefix} </span>
          {p.error}
        </p>
      )}
      <div class="choices" part="choices">
        {p.choices.map((c, i) => {
          const id = i === 0 ? `loket-${p.name}` : `loket-${p.name}-${i}`;
          return (
            <div class={{ choice: true, disabled: Boolean(c.disabled) }} part="choice">
              <input
                type="radio"
                id={id}
                name={`loket-${p.name}`}
                value={c.value}
                checked={c.value === p.value}
                disabled={c.disabled}
                aria-describedby={c.hint ? `${id}-note` : undefined}
                onChange={() => p.onChange(c.value)}
              />
              <label htmlFor={id}>
                {c.label}
                {c.hint && (
                  <span class="hint" id={`${id}-note`}>
                    {c.hint}
                  </span>
                )}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
};

export const TextField: FunctionalComponent<{
  t: VisitMessages;
  id: string;
  label: string;
  hint: string;
  error?: string;
  value: string;
  type: 'text' | 'tel' | 'email';
  autocomplete: string;
  onInput: (value: string) => void;
}> = (p) => (
  <div class={{ field: true, invalid: Boolean(p.error) }}>
    <label class="label" htmlFor={p.id}>
      {p.label}
    </label>
    <p class="hint" id={`${p.id}-hint`}>
      {p.hint}
    </p>
    {p.error && (
      <p class="field-error" id={`${p.id}-error`}>
        <span class="visually-hidden">{p.t.errorPrefix} </span>
        {p.error}
      </p>
    )}
    <input
      id={p.id}
      class="input"
      part="input"
      type={p.type}
      autocomplete={p.autocomplete}
      inputMode={p.type === 'tel' ? 'tel' : undefined}
      spellcheck={false}
      aria-invalid={p.error ? 'true' : null}
      aria-describedby={p.error ? `${p.id}-hint ${p.id}-error` : `${p.id}-hint`}
      value={p.value}
      onInput={(e: Event) => p.onInput((e.target as HTMLInputElement).value)}
    />
  </div>
);

/** "Kembali" and "Lanjut" (or the step's own submit words) at the end of a step. */
export const StepActions: FunctionalComponent<{
  t: VisitMessages;
  submit?: string;
  busy?: boolean;
  onBack?: () => void;
}> = ({ t, submit, busy, onBack }) => (
  <div class="actions" part="actions">
    <button type="submit" class="button primary" part="button next" aria-disabled={busy ? 'true' : null}>
      {submit ?? t.next}
    </button>
    {onBack && (
      <button type="button" class="button" part="button back" onClick={onBack}>
        {t.back}
      </button>
    )}
  </div>
);

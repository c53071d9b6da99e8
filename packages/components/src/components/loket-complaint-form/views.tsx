import type { ComplaintChannelList, CreatedComplaint, FiledComplaint } from '@loket/sdk';
import { type FunctionalComponent, h } from '@stencil/core';
import { date, fill, type Locale } from '../../i18n';
import type { ComplaintMessages } from './messages';
import { assumed, type NewsReach } from './news';
import type { Values } from './state';

type Field = keyof Values;
interface Common {
  t: ComplaintMessages;
  values: Values;
  errors: Partial<Record<Field, string>>;
  set(field: Field, value: string): void;
}

const describedBy = (id: string, error: string | undefined, hint?: string) =>
  [hint, error ? `${id}-error` : undefined].filter(Boolean).join(' ') || undefined;

/** A labelled text input or text area, its hint and its error (GOV.UK's order). */
export const TextField: FunctionalComponent<
  Common & { field: Field; label: string; hint?: string; type?: string; multiline?: boolean }
> = ({ t: _t, values, errors, set, field, label, hint, type = 'text', multiline }) => {
  const id = `loket-complaint-${field}`;
  const error = errors[field];
  const attrs = {
    id,
    class: 'input',
    'aria-invalid': error ? 'true' : undefined,
    'aria-describedby': describedBy(id, error, hint ? `${id}-hint` : undefined),
    onInput: (e: Event) => set(field, (e.target as HTMLInputElement).value),
  };
  return (
    <div class={{ field: true, invalid: !!error }}>
      <label class="label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span class="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
      {multiline ? (
        <textarea {...attrs} rows={6} value={String(values[field])} />
      ) : (
        <input
          {...attrs}
          type={type}
          value={String(values[field])}
          autoComplete={type === 'email' ? 'email' : type === 'tel' ? 'tel' : undefined}
        />
      )}
    </div>
  );
};

/** The category, from the API's list (the nine SKM unsur and "other"). */
export const CategoryField: FunctionalComponent<Common & { channels: ComplaintChannelList | null }> = (
  props,
) => {
  const { t, values, errors, set, channels } = props;
  const error = errors.category;
  return (
    <div class={{ field: true, invalid: !!error }}>
      <label class="label" htmlFor="loket-complaint-category">
        {t.category}
      </label>
      {error && (
        <span class="field-error" id="loket-complaint-category-error">
          {error}
        </span>
      )}
      <select
        id="loket-complaint-category"
        class="select"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'loket-complaint-category-error' : undefined}
        onChange={(e: Event) => set('category', (e.target as HTMLSelectElement).value)}
      >
        <option value="" selected={values.category === ''}>
          {t.categoryChoose}
        </option>
        {(channels?.categories ?? []).map((c) => (
          <option value={c.id} selected={values.category === c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
};

/**
 * "Kabar tentang pengaduan ini": one unticked box per contact given (like an application's), and
 * only where news can go (`news`: the server sends e-mail; the agency's gateway takes the phone).
 */
export const NewsChoice: FunctionalComponent<{
  t: ComplaintMessages;
  values: Values;
  news: NewsReach | null;
  onToggle(channel: 'email' | 'phone', on: boolean): void;
}> = ({ t, values, news, onToggle }) => {
  const given = (['email', 'phone'] as const).filter((c) => values[c].trim() !== '' && (news ?? assumed)[c]);
  if (given.length === 0) return null;
  return (
    <fieldset class="field">
      <legend class="label">{t.newsTitle}</legend>
      {given.map((channel) => (
        <div class="choice">
          <input
            type="checkbox"
            id={`loket-complaint-news-${channel}`}
            checked={values.notify.includes(channel)}
            onChange={(e: Event) => onToggle(channel, (e.target as HTMLInputElement).checked)}
          />
          <label htmlFor={`loket-complaint-news-${channel}`}>
            {fill(channel === 'email' ? t.newsEmail : t.newsPhone, { [channel]: values[channel].trim() })}
          </label>
        </div>
      ))}
    </fieldset>
  );
};

/** The complaint as the citizen sees it after filing or looking it up: status, due date, answer. */
export const ComplaintView: FunctionalComponent<{
  t: ComplaintMessages;
  locale: Locale;
  complaint: FiledComplaint | CreatedComplaint;
}> = ({ t, locale, complaint }) => (
  <dl class="complaint" part="complaint">
    <div>
      <dt>{t.code}</dt>
      <dd class="code">{complaint.code}</dd>
    </div>
    {'secret' in complaint && (
      <div>
        <dt>{t.secret}</dt>
        <dd class="code">{complaint.secret}</dd>
      </div>
    )}
    <div>
      <dt class="visually-hidden">Status</dt>
      <dd class={`status ${complaint.status}`}>{t.status[complaint.status]}</dd>
    </div>
    <div>
      <dt>{t.due}</dt>
      <dd>
        {complaint.due.date ? date(locale, complaint.due.date) : '—'}
        <span class="hint">
          {fill(t.dueBasis[complaint.due.basis], { days: complaint.due.working_days })}
        </span>
      </dd>
    </div>
    <div>
      <dt>{t.answer}</dt>
      <dd class="answer">{complaint.answer ? complaint.answer.text : t.noAnswer}</dd>
    </div>
  </dl>
);

/** GOV.UK's error summary: focused when it appears, one link per field that moves focus there. */
export const ErrorSummary: FunctionalComponent<{
  t: ComplaintMessages;
  errors: Partial<Record<Field, string>>;
  problem: string | null;
  onGo(field: string): void;
}> = ({ t, errors, problem, onGo }) => {
  const items = Object.entries(errors) as [Field, string][];
  if (items.length === 0 && !problem) return null;
  return (
    <div class="error-summary" part="error-summary" tabIndex={-1}>
      <div role="alert">
        <h3>{t.errorTitle}</h3>
        <ul>
          {problem && <li>{problem}</li>}
          {items.map(([field, message]) => (
            <li>
              <a
                href={`#loket-complaint-${field}`}
                onClick={(e: MouseEvent) => {
                  e.preventDefault();
                  onGo(field);
                }}
              >
                {message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
};

/** The lookup of a complaint's status and answer: its code and secret. */
export const LookupForm: FunctionalComponent<
  Common & { busy: boolean; problem: string | null; onGo(field: string): void; onSubmit(e: Event): void }
> = (props) => {
  const { t, errors, busy, problem, onGo, onSubmit } = props;
  return (
    <form noValidate onSubmit={onSubmit}>
      <h2>{t.headingLookup}</h2>
      <p>{t.lookupHint}</p>
      <ErrorSummary t={t} errors={errors} problem={problem} onGo={onGo} />
      <TextField {...props} field="code" label={t.code} />
      <TextField {...props} field="secret" label={t.secret} />
      <div class="actions">
        <button type="submit" class="button primary" aria-disabled={busy ? 'true' : undefined}>
          {busy ? t.looking : t.lookup}
        </button>
      </div>
    </form>
  );
};

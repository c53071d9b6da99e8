import type { ApplicationKey } from '@loket/sdk/session';
import { type FunctionalComponent, h } from '@stencil/core';
import type { TrackerMessages } from './messages/types';

/** What is wrong with the lookup: a field's own error, or the whole lookup's. */
export interface LookupErrors {
  code?: string;
  secret?: string;
  /** The code or the secret does not match (a 404): never which one. */
  notFound?: boolean;
  /** No answer from the API (network, server error). */
  failed?: boolean;
}

interface LookupProps {
  t: TrackerMessages;
  code: string;
  secret: string;
  errors: LookupErrors;
  busy: boolean;
  onCode: (value: string) => void;
  onSecret: (value: string) => void;
  onSubmit: () => void;
  /** Moves focus to a field (the error summary's links: fragment links do not reach into a shadow root). */
  onFocusField: (id: string) => void;
}

export const hasErrors = (e: LookupErrors) => Boolean(e.code || e.secret || e.notFound || e.failed);

/** The contract's TrackingCode pattern, checked before anything is sent. */
const CODE_PATTERN = /^[A-Za-z0-9-]{8,20}$/;

/** The key typed (spaces dropped: codes are often copied with them), or what is wrong with it. */
export function checkLookup(
  t: TrackerMessages,
  codeInput: string,
  secretInput: string,
): { key: ApplicationKey } | { errors: LookupErrors } {
  const code = codeInput.replace(/\s+/g, '');
  const secret = secretInput.trim();
  const errors: LookupErrors = {};
  if (!code) errors.code = t.lookup.codeMissing;
  else if (!CODE_PATTERN.test(code)) errors.code = t.lookup.codeInvalid;
  if (!secret) errors.secret = t.lookup.secretMissing;
  return hasErrors(errors) ? { errors } : { key: { code, secret } };
}

/**
 * Tracking code and secret, GOV.UK style: visible labels and hints, an error summary that takes
 * focus and links to each field, each field's error above it and in its description.
 */
export const LookupForm: FunctionalComponent<LookupProps> = (p) => {
  const { t, errors } = p;
  const links: [string, string][] = [];
  if (errors.code) links.push(['loket-code', errors.code]);
  if (errors.notFound) links.push(['loket-code', t.lookup.notFound]);
  if (errors.secret) links.push(['loket-secret', errors.secret]);
  return (
    <form
      class="lookup"
      part="lookup"
      noValidate
      aria-labelledby="loket-lookup-heading"
      onSubmit={(e: Event) => {
        e.preventDefault();
        p.onSubmit();
      }}
    >
      <h2 id="loket-lookup-heading" tabIndex={-1}>
        {t.lookup.heading}
      </h2>
      {hasErrors(errors) && (
        // GOV.UK's error summary: the box takes focus, the alert inside is announced.
        <div class="summary" part="error-summary" tabIndex={-1}>
          <div role="alert">
            <h3>{t.lookup.errorTitle}</h3>
            {errors.failed && <p>{t.lookup.failed}</p>}
            {links.length > 0 && (
              <ul>
                {links.map(([id, text]) => (
                  <li>
                    <a
                      href={`#${id}`}
                      onClick={(e: MouseEvent) => {
                        e.preventDefault();
                        p.onFocusField(id);
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
      )}
      <p>{t.lookup.intro}</p>
      <Field
        t={t}
        id="loket-code"
        label={t.lookup.code}
        hint={t.lookup.codeHint}
        error={errors.code}
        value={p.code}
        onInput={p.onCode}
        autocapitalize="characters"
      />
      <Field
        t={t}
        id="loket-secret"
        label={t.lookup.secret}
        hint={t.lookup.secretHint}
        error={errors.secret}
        value={p.secret}
        onInput={p.onSecret}
        autocapitalize="characters"
      />
      <button
        type="submit"
        class="button primary"
        part="button submit"
        aria-disabled={p.busy ? 'true' : null}
      >
        {t.lookup.submit}
      </button>
    </form>
  );
};

interface FieldProps {
  t: TrackerMessages;
  id: string;
  label: string;
  hint: string;
  error: string | undefined;
  value: string;
  onInput: (value: string) => void;
  autocapitalize: string;
}

const Field: FunctionalComponent<FieldProps> = (p) => (
  <div class={{ field: true, invalid: Boolean(p.error) }}>
    <label class="label" htmlFor={p.id}>
      {p.label}
    </label>
    <p class="hint" id={`${p.id}-hint`}>
      {p.hint}
    </p>
    {p.error && (
      <p class="field-error" id={`${p.id}-error`}>
        <span class="visually-hidden">{p.t.lookup.errorPrefix} </span>
        {p.error}
      </p>
    )}
    <input
      id={p.id}
      class="input"
      part="input"
      type="text"
      autocomplete="off"
      autoCapitalize={p.autocapitalize}
      spellcheck={false}
      aria-invalid={p.error ? 'true' : null}
      aria-describedby={p.error ? `${p.id}-hint ${p.id}-error` : `${p.id}-hint`}
      value={p.value}
      onInput={(e: Event) => p.onInput((e.target as HTMLInputElement).value)}
    />
  </div>
);

import { isLoketApiError, type LoketCore, recoverSecret, requestSecretRecovery } from '@loket/sdk';
import type { ApplicationKey } from '@loket/sdk/session';
import { type FunctionalComponent, h } from '@stencil/core';
import { fill, type Locale } from '../../i18n';
import { recoveryText } from './messages/recovery';
import type { RecoveryMessages } from './messages/types';

export { recoveryText };

// "Lupa kode rahasia?": loaded when the citizen asks for it or opens its link, so neither the
// step nor the SDK's two operations are part of the tracker's first load.

/** The step's state on the tracker. */
export interface RecoveryState {
  code: string;
  contact: string;
  step: 'open' | 'sending' | 'sent';
  error: string | null;
  /** After a request: the page's answer, the same whatever matched. */
  sent: string | null;
}

export interface RecoveryHost {
  readonly core: LoketCore;
  readonly locale: Locale;
  recovery: RecoveryState | null;
  notice: string | null;
  focus(selector: string): void;
}

/** Sends the request; the answer shown is the same whether or not the code and contact matched. */
export async function askForLink(host: RecoveryHost): Promise<void> {
  const state = host.recovery;
  if (!state || state.step === 'sending') return;
  const t = recoveryText.get(host.locale);
  const code = state.code.replace(/\s+/g, '');
  const contact = state.contact.trim();
  if (!code || !contact) {
    host.recovery = { ...state, error: code ? t.contactMissing : t.codeMissing };
    host.focus(code ? '#loket-recovery-contact' : '#loket-recovery-code');
    return;
  }
  host.recovery = { ...state, step: 'sending', error: null };
  try {
    await requestSecretRecovery(host.core, code, contact);
    host.recovery = { ...state, step: 'sent', error: null, sent: t.sent };
    host.focus('#loket-recovery-sent');
  } catch (error) {
    const many = isLoketApiError(error) && error.status === 429;
    host.recovery = { ...state, step: 'open', error: many ? t.tooMany : t.failed };
    host.focus('#loket-recovery-error');
  }
}

/**
 * The link's token for a new secret: the key to open, with the notice that shows the new secret;
 * null (and a notice that the link no longer works) when it was used, expired or unknown.
 */
export async function redeemLink(
  host: RecoveryHost,
  link: { code: string; token: string },
): Promise<{ key: ApplicationKey; notice: string } | null> {
  await recoveryText.load(host.locale);
  const t = recoveryText.get(host.locale);
  try {
    const { code, secret } = await recoverSecret(host.core, link.code, link.token);
    return { key: { code, secret }, notice: fill(t.newSecret, { secret }) };
  } catch {
    host.recovery = { code: link.code, contact: '', step: 'open', error: t.linkInvalid, sent: null };
    host.focus('#loket-recovery-error');
    return null;
  }
}

interface RecoveryProps {
  locale: Locale;
  state: RecoveryState;
  /** What the citizen typed, merged into the latest state by the host (two inputs in one frame keep both). */
  onChange: (patch: Pick<RecoveryState, 'code'> | Pick<RecoveryState, 'contact'>) => void;
  onSubmit: () => void;
  onBack: () => void;
}

const Field: FunctionalComponent<{
  id: string;
  label: string;
  hint?: string;
  value: string;
  type: string;
  autocomplete: string;
  onInput: (value: string) => void;
}> = (p) => (
  <div class="field">
    <label class="label" htmlFor={p.id}>
      {p.label}
    </label>
    {p.hint && (
      <p class="hint" id={`${p.id}-hint`}>
        {p.hint}
      </p>
    )}
    <input
      id={p.id}
      class="input"
      part="input"
      type={p.type}
      autocomplete={p.autocomplete}
      spellcheck={false}
      aria-describedby={p.hint ? `${p.id}-hint` : undefined}
      value={p.value}
      onInput={(e: Event) => p.onInput((e.target as HTMLInputElement).value)}
    />
  </div>
);

/** "Lupa kode rahasia?": the code and the contact from the application, then the same answer for all. */
export const RecoveryForm: FunctionalComponent<RecoveryProps> = ({
  locale,
  state,
  onChange,
  onSubmit,
  onBack,
}) => {
  const t: RecoveryMessages = recoveryText.get(locale);
  return (
    <form
      class="lookup recovery"
      part="recovery"
      noValidate
      aria-labelledby="loket-recovery-heading"
      onSubmit={(e: Event) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h2 id="loket-recovery-heading" tabIndex={-1}>
        {t.heading}
      </h2>
      {state.error && (
        <div class="summary" part="error-summary" id="loket-recovery-error" tabIndex={-1}>
          <p role="alert">{state.error}</p>
        </div>
      )}
      {state.sent ? (
        <p class="notice" part="recovery-sent" id="loket-recovery-sent" tabIndex={-1} role="status">
          {state.sent}
        </p>
      ) : (
        <p>{t.intro}</p>
      )}
      <Field
        id="loket-recovery-code"
        label={t.code}
        value={state.code}
        type="text"
        autocomplete="off"
        onInput={(code) => onChange({ code })}
      />
      <Field
        id="loket-recovery-contact"
        label={t.contact}
        hint={t.contactHint}
        value={state.contact}
        type="text"
        autocomplete="email"
        onInput={(contact) => onChange({ contact })}
      />
      <div class="actions">
        <button
          type="submit"
          class="button primary"
          part="button submit"
          aria-disabled={state.step === 'sending' ? 'true' : null}
        >
          {state.step === 'sending' ? t.sending : t.submit}
        </button>
        <button type="button" class="button" part="button recovery-back" onClick={onBack}>
          {t.back}
        </button>
      </div>
    </form>
  );
};

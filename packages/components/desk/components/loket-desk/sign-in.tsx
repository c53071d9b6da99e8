import { type FunctionalComponent, h } from '@stencil/core';
import type { DeskMessages } from '../../messages';
import type { SignInResult } from '../../session';

export interface SignInState {
  busy: boolean;
  /** The single sign-on start's address when the server offers it. */
  sso: string | null;
  /** Back from a single sign-on that failed (`?sso=failed`). */
  ssoFailed: boolean;
  needTotp: boolean;
  error: Exclude<SignInResult, { ok: true }>['reason'] | null;
  expired: boolean;
}

/** The sign-in form: username and password, then the TOTP code when the server asks for one. */
export const SignIn: FunctionalComponent<{
  t: DeskMessages;
  state: SignInState;
  onSubmit: (form: HTMLFormElement) => void;
}> = ({ t, state, onSubmit }) => {
  const error = state.error && state.error !== 'totp' ? t.signIn[state.error] : null;
  return (
    <form
      class="sign-in"
      part="sign-in"
      aria-labelledby="desk-sign-in-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(event.target as HTMLFormElement);
      }}
    >
      <h1 id="desk-sign-in-heading">{t.signIn.heading}</h1>
      {state.expired && <p class="notice">{t.signIn.expired}</p>}
      {state.ssoFailed && !error && (
        <p class="error" role="alert">
          {t.signIn.ssoFailed}
        </p>
      )}
      {state.sso && [
        <p>
          <a class="button" href={state.sso}>
            {t.signIn.sso}
          </a>
        </p>,
        <p class="hint">{t.signIn.or}</p>,
      ]}
      {error && (
        <p class="error" role="alert" id="desk-sign-in-error">
          {error}
        </p>
      )}
      <label htmlFor="desk-username">{t.signIn.username}</label>
      <input id="desk-username" name="username" autoComplete="username" required />
      <label htmlFor="desk-password">{t.signIn.password}</label>
      <input id="desk-password" name="password" type="password" autoComplete="current-password" required />
      {state.needTotp && [
        <label htmlFor="desk-totp">{t.signIn.totp}</label>,
        <p class="hint" id="desk-totp-hint">
          {t.signIn.totpHint}
        </p>,
        <input
          id="desk-totp"
          name="totp"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          aria-describedby="desk-totp-hint"
          required
        />,
      ]}
      <button type="submit" aria-disabled={state.busy ? 'true' : 'false'}>
        {t.signIn.submit}
      </button>
    </form>
  );
};

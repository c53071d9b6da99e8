import { isLoketApiError } from '@loket/sdk';
import { changeOwnPassword } from '@loket/sdk/officer';
import { Component, Element, Host, h, State } from '@stencil/core';
import { type Locale, localeOf } from '../../../src/i18n';
import { watchLocale } from '../../../src/kit/locale';
import { deskCore, setSession } from '../../api';
import { type DeskMessages, deskText } from '../../messages';

type Field = 'current' | 'next' | 'repeat';

interface PasswordState {
  locale: Locale;
  busy: boolean;
  /** What is wrong, per field (the server's words for its rules, localized). */
  errors: Partial<Record<Field, string>>;
  /** A refusal that is no one field's (locked out, offline). */
  failed: string | null;
  done: boolean;
}

const fieldOf: Record<string, Field> = { '/current_password': 'current', '/new_password': 'next' };

/**
 * "Kata sandi saya" (`#/kata-sandi`): the signed-in officer changes its own password with the
 * current one (docs/desk.md). The server checks the CLI's rules and ends every session of the
 * account; this browser carries on with the new session it answers with.
 *
 * @part base - The screen.
 */
@Component({
  tag: 'loket-desk-password',
  styleUrls: ['../../../src/kit/base.css', '../../desk.css', 'loket-desk-password.css'],
  shadow: true,
})
export class LoketDeskPassword {
  @Element() el!: HTMLElement;

  @State() state: PasswordState = {
    locale: 'id',
    busy: false,
    errors: {},
    failed: null,
    done: false,
  };

  private unwatchLocale?: () => void;

  private set(patch: Partial<PasswordState>) {
    this.state = { ...this.state, ...patch };
  }

  get t(): DeskMessages {
    return deskText.get(this.state.locale);
  }

  connectedCallback() {
    this.set({ locale: localeOf(this.el) });
    this.unwatchLocale = watchLocale(this.el, deskText, (locale) => this.set({ locale }));
  }

  disconnectedCallback() {
    this.unwatchLocale?.();
  }

  async componentWillLoad() {
    await deskText.load(this.state.locale);
  }

  private focus(selector: string) {
    requestAnimationFrame(() => this.el.shadowRoot?.querySelector<HTMLElement>(selector)?.focus());
  }

  private submit = async (form: HTMLFormElement) => {
    if (this.state.busy) return;
    const t = this.t.password;
    const data = new FormData(form);
    const value = (name: Field) => String(data.get(name) ?? '');
    const errors: PasswordState['errors'] = {};
    if (!value('current')) errors.current = t.missingCurrent;
    if (!value('next')) errors.next = t.missingNext;
    else if (value('repeat') !== value('next')) errors.repeat = t.mismatch;
    this.set({ errors, failed: null, done: false });
    if (Object.keys(errors).length > 0) return this.focus('#desk-password-errors');
    this.set({ busy: true });
    try {
      const session = await changeOwnPassword(deskCore(this.state.locale), {
        current_password: value('current'),
        new_password: value('next'),
      });
      setSession(session);
      form.reset();
      this.set({ busy: false, done: true });
      this.focus('#desk-password-done');
    } catch (error) {
      const found: PasswordState['errors'] = {};
      for (const e of isLoketApiError(error) ? error.errors : []) {
        const field = fieldOf[e.pointer];
        if (field) found[field] = e.detail;
      }
      const failed =
        Object.keys(found).length > 0
          ? null
          : isLoketApiError(error) && error.status === 429
            ? error.detail
            : this.t.action.failed;
      this.set({ busy: false, errors: found, failed: failed ?? null });
      this.focus(failed ? '#desk-password-failed' : '#desk-password-errors');
    }
  };

  private field(name: Field, label: string, autoComplete: string, hint?: string) {
    const error = this.state.errors[name];
    const id = `desk-password-${name}`;
    const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
    return [
      <label htmlFor={id}>{label}</label>,
      hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ),
      error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ),
      <input
        id={id}
        name={name}
        type="password"
        autoComplete={autoComplete}
        required
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described || undefined}
      />,
    ];
  }

  render() {
    const t = this.t.password;
    const { errors, failed, done, busy, locale } = this.state;
    const listed = (Object.entries(errors) as [Field, string][]).filter(([, text]) => text);
    return (
      <Host>
        <section class="password" part="base" lang={locale} aria-labelledby="desk-password-heading">
          <h1 id="desk-password-heading">{t.heading}</h1>
          <p class="hint">{t.intro}</p>
          {done && (
            // Focused once shown, so a screen reader reads it (no live region needed).
            <p class="success" id="desk-password-done" tabIndex={-1}>
              {t.done}
            </p>
          )}
          {failed && (
            <p class="error" role="alert" id="desk-password-failed" tabIndex={-1}>
              {failed}
            </p>
          )}
          {listed.length > 0 && (
            <div class="error" role="alert" id="desk-password-errors" tabIndex={-1}>
              <p>{t.problem}</p>
              <ul>
                {listed.map(([name, text]) => (
                  <li>
                    <a href={`#desk-password-${name}`} onClick={this.jump(name)}>
                      {text}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void this.submit(event.target as HTMLFormElement);
            }}
          >
            {this.field('current', t.current, 'current-password')}
            {this.field('next', t.next, 'new-password', t.nextHint)}
            {this.field('repeat', t.repeat, 'new-password')}
            <button type="submit" aria-disabled={busy ? 'true' : 'false'}>
              {t.submit}
            </button>
          </form>
        </section>
      </Host>
    );
  }

  /** The error summary's links focus their field (the page's own fragment stays the route). */
  private jump = (name: Field) => (event: Event) => {
    event.preventDefault();
    this.el.shadowRoot?.querySelector<HTMLElement>(`#desk-password-${name}`)?.focus();
  };
}

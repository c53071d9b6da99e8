import type { AnswerValue, Attachment, FormDefinition } from '@loket/sdk';
import type { SessionSnapshot, SubmitState } from '@loket/sdk/session';
import { type FunctionalComponent, h } from '@stencil/core';
import { fill, type Locale } from '../../i18n';
import { answerText } from './answer-text';
import { checkRowsOf } from './check-rows';
import { ErrorSummary } from './error-summary';
import { controlId, DECLARATION, HEADING_ID, type Problem, say } from './flow';
import type { FormMessages } from './messages';
import { endText } from './messages/later';
import { NewsChoice } from './news-choice';

interface CheckProps {
  locale: Locale;
  t: FormMessages;
  form: FormDefinition;
  answers: Record<string, AnswerValue>;
  attachments: Attachment[];
  /** A revision: the fields to fix and the officer's note. */
  revision: SessionSnapshot['revision'];
  problems: Problem[];
  declared: boolean;
  /** The news channels to choose (not in a revision: the first submission's choice stays). */
  news: Omit<Parameters<typeof NewsChoice>[0], 't'> | null;
  submit: SubmitState;
  onChange(field: string): void;
  onDeclare(declared: boolean): void;
  onSubmit(): void;
  onGo(field: string): void;
}

/**
 * GOV.UK "check your answers": every answer under its step with a change button (an answer not
 * asked because it is an earlier one, `same_as`, says which, and its button changes that one), the
 * declaration, and the submit button. While sending the button stays focusable (aria-disabled);
 * when the network dropped it says plainly that it will be sent by itself, once.
 */
export const CheckAnswers: FunctionalComponent<CheckProps> = (p) => {
  const { locale } = p;
  const t = endText(p.t, locale);
  const busy = p.submit === 'sending' || p.submit === 'waiting';
  const declarationError = p.problems.find((x) => x.field === DECLARATION)?.message;
  return (
    <div class="check" part="check">
      <ErrorSummary title={t.errors.title} problems={p.problems} onGo={p.onGo} />
      <h2 id={HEADING_ID} tabIndex={-1}>
        {t.check.title}
      </h2>
      {p.revision?.note && (
        <div class="notice" part="notice">
          <h3>{t.revision.note}</h3>
          <p class="note">{p.revision.note}</p>
        </div>
      )}
      {checkRowsOf(p.form, p.answers, p.revision?.fields ?? null).map(({ step, rows }) => (
        <section aria-labelledby={`loket-check-${step.id}`}>
          <h3 id={`loket-check-${step.id}`}>{say(step.title, locale)}</h3>
          <dl class="summary-list" part="summary-list">
            {rows.map(({ field, from }) => {
              const value = p.answers[from?.id ?? field.id];
              const lines = answerText(locale, t, field, value, p.attachments);
              return (
                <div class="summary-row">
                  <dt>{say(field.label, locale)}</dt>
                  <dd class="answer">
                    {lines.length === 0 ? (
                      <span class="muted">{t.check.empty}</span>
                    ) : (
                      lines.map((line) => <span class="line">{line}</span>)
                    )}
                    {from && (
                      <span class="line muted">
                        {fill(t.check.copied, { label: say(from.label, locale) })}
                      </span>
                    )}
                  </dd>
                  <dd class="change">
                    {/* While it is being sent the answers cannot change. */}
                    {!busy && (
                      <button
                        type="button"
                        class="link"
                        part="change"
                        onClick={() => p.onChange(from?.id ?? field.id)}
                      >
                        {t.check.change}
                        <span class="visually-hidden"> {say(field.label, locale)}</span>
                      </button>
                    )}
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      ))}
      <form
        noValidate
        onSubmit={(e: Event) => {
          e.preventDefault();
          if (!busy) p.onSubmit();
        }}
      >
        {p.news && <NewsChoice t={t} {...p.news} />}
        <h3>{t.check.declarationTitle}</h3>
        <div class={{ field: true, invalid: !!declarationError }} data-field={DECLARATION}>
          {declarationError && (
            <p class="error-message" id={`${controlId(DECLARATION)}-error`}>
              {declarationError}
            </p>
          )}
          <div class="choice">
            <input
              type="checkbox"
              id={controlId(DECLARATION)}
              class="tick"
              checked={p.declared}
              aria-describedby={declarationError ? `${controlId(DECLARATION)}-error` : undefined}
              aria-invalid={declarationError ? 'true' : undefined}
              onChange={(e: Event) => p.onDeclare((e.target as HTMLInputElement).checked)}
            />
            <label htmlFor={controlId(DECLARATION)}>{t.check.declaration}</label>
          </div>
        </div>
        {p.submit === 'waiting' && (
          <div class="notice waiting" part="waiting">
            <h3>{t.check.waitingTitle}</h3>
            <p>{t.check.waitingBody}</p>
          </div>
        )}
        <div class="actions">
          <button
            type="submit"
            class="button primary"
            part="button submit"
            aria-disabled={busy ? 'true' : undefined}
          >
            {busy ? t.check.sending : p.revision ? t.check.resubmit : t.check.submit}
          </button>
        </div>
      </form>
    </div>
  );
};

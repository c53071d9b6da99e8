import type { ApplicationStatus, ApplicationStatusCode } from '@loket/sdk';
import { canWithdraw, isFinal, isWithAgency } from '@loket/sdk/rules';
import { type FunctionalComponent, h, type VNode } from '@stencil/core';
import { date, fill, type Locale, plural } from '../../i18n';
import type { TrackerMessages } from './messages/types';
import { JAKARTA, timeOfDay } from './time';

const moment = (locale: Locale, iso: string) =>
  date(locale, iso, { day: 'numeric', month: 'long', year: 'numeric', ...JAKARTA });

const ICON: Record<ApplicationStatusCode, string> = {
  draft: '✎',
  submitted: '↑',
  in_review: '…',
  needs_revision: '!',
  completed: '✓',
  rejected: '✕',
  withdrawn: '–',
};

/** The withdraw button, or its confirmation step once its code (`Form`) is loaded and it is open. */
interface WithdrawControls {
  step: 'closed' | 'open' | 'sending';
  error: string | null;
  Form: typeof import('./withdraw-form')['WithdrawForm'] | undefined;
  onOpen: () => void;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

interface StatusProps {
  locale: Locale;
  t: TrackerMessages;
  status: ApplicationStatus;
  /** The form's page with this application's key (fix or continue it); null without `form-href` or when not editable. */
  formLink: string | null;
  withdraw: WithdrawControls;
  /** A problem to show above the actions (e.g. a withdrawal the server refused). */
  notice: string | null;
  updatedAt: Date | null;
  refreshFailed: boolean;
  refreshing: boolean;
  onRefresh: () => void;
  onOther: () => void;
  /** The linked visit's line (visit-line.tsx, it comes with results.tsx just after the first status). */
  visit?: VNode | false;
}

/**
 * Where the application stands, what happens next, until when, what happened, what can be done.
 * Each thing once: the status word in the heading (the server's `status_text` repeats it and the
 * due date, so it is not shown), the latest note in the status box (not again in the history).
 */
export const StatusView: FunctionalComponent<StatusProps> = (p, children) => {
  const { t, status: s, locale } = p;
  const word = t.status.words[s.status];
  const last = s.history[s.history.length - 1];
  return (
    <section class="status" part="status" aria-labelledby="loket-status-heading">
      <h2 id="loket-status-heading" tabIndex={-1}>
        {s.service.name}
      </h2>
      <p class="small">
        {t.status.code}: <strong class="code">{s.code}</strong>
      </p>
      <div class={`state is-${s.status}`} part="state" key={s.status}>
        <span class="icon" aria-hidden="true">
          {ICON[s.status]}
        </span>
        <div>
          <h3 id="loket-state" tabIndex={-1}>
            {fill(t.status.current, { status: word })}
          </h3>
          {last?.note && (
            <div class="note" part="note">
              <h4>{t.status.note}</h4>
              <p>{last.note}</p>
            </div>
          )}
        </div>
      </div>
      {s.overdue && s.due.date && (
        <div class="notice warn" part="overdue">
          <h3>{t.status.overdueTitle}</h3>
          <p>{fill(t.status.overdueBody, { date: date(locale, s.due.date) })}</p>
        </div>
      )}
      {s.status === 'needs_revision' && (
        <div class="revision" part="revision">
          <h3>{t.status.revision}</h3>
          <p>{t.status.revisionIntro}</p>
          <ul>
            {s.revision_fields.map((f) => (
              <li>{f.label}</li>
            ))}
          </ul>
        </div>
      )}
      {p.formLink && (
        <a class="button primary" part="button fix" href={p.formLink}>
          {s.status === 'draft' ? t.status.resume : t.status.fix}
        </a>
      )}
      <h3>{t.status.next}</h3>
      <p>{s.next_step}</p>
      {p.visit}
      <Due {...p} />
      <h3>{t.status.history}</h3>
      <ol class="timeline" part="history">
        {s.history.map((entry) => (
          <li class={`is-${entry.status}`}>
            <strong>{t.status.words[entry.status]}</strong>{' '}
            <time class="small" dateTime={entry.at}>
              {moment(locale, entry.at)}
            </time>
            {entry.note && entry !== last && (
              <p>
                {t.status.note}: {entry.note}
              </p>
            )}
          </li>
        ))}
      </ol>
      {children}
      {p.notice && (
        <p class="notice error" role="alert">
          {p.notice}
        </p>
      )}
      <div class="actions" part="actions">
        <Refresh {...p} />
        {canWithdraw(s.status) && <Withdraw {...p} />}
        <button type="button" class="button" part="button other" onClick={p.onOther}>
          {t.status.other}
        </button>
      </div>
    </section>
  );
};

/** The due date, only while the agency owes a decision (or counted again after a revision). */
const Due: FunctionalComponent<StatusProps> = ({ t, status: s, locale }) => {
  if (s.status === 'needs_revision') return <p class="small">{t.status.dueAgain}</p>;
  if (!isWithAgency(s.status)) return null;
  const { date: day, working_days: days, calendar } = s.due;
  return (
    <div part="due">
      <h3>{t.status.due}</h3>
      {day && (
        <p>
          <strong>
            {days === null
              ? date(locale, day)
              : fill(t.status.dueDate, {
                  date: date(locale, day),
                  days: days === 0 ? t.status.sameDay : plural(locale, t.status.days, days),
                })}
          </strong>
        </p>
      )}
      <p class={day ? 'small' : ''}>{t.status.calendar[day ? calendar : 'none']}</p>
    </div>
  );
};

/** "Perbarui" and when the status was last fetched; a failed refresh keeps what is shown. */
const Refresh: FunctionalComponent<StatusProps> = ({ t, locale, status, ...p }) =>
  isFinal(status.status) ? null : (
    <div class="refresh" part="refresh">
      <button
        type="button"
        class="button"
        part="button refresh-button"
        aria-disabled={p.refreshing ? 'true' : null}
        onClick={p.onRefresh}
      >
        {t.refresh.button}
      </button>
      <p class="small">
        {p.updatedAt && fill(t.refresh.updated, { time: timeOfDay(locale, p.updatedAt) })}
        {p.refreshFailed && <span class="failed"> {t.refresh.failed}</span>}
      </p>
    </div>
  );

const Withdraw: FunctionalComponent<StatusProps> = ({ t, locale, withdraw: w }) => {
  const Form = w.Form;
  return w.step !== 'closed' && Form ? (
    <Form
      locale={locale}
      sending={w.step === 'sending'}
      error={w.error}
      onConfirm={w.onConfirm}
      onCancel={w.onCancel}
    />
  ) : (
    <button type="button" class="button" part="button withdraw-open" onClick={w.onOpen}>
      {t.withdraw.open}
    </button>
  );
};

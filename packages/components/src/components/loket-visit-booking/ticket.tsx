import { type FunctionalComponent, h } from '@stencil/core';
import { fill } from '../../i18n';
import { visitWhen } from '../../utils/visit-format';
import { ErrorSummary } from './fields';
import type { VisitMessages } from './messages';
import type { BookingView, HeldBooking } from './state';

export interface TicketProps {
  s: BookingView;
  t: VisitMessages;
  booking: HeldBooking;
  /** The QR code as an SVG image's object URL, once its module has loaded. */
  qrHref: string | null;
  /** The `.ics` file's object URL. */
  calendarHref: string | null;
  onReschedule: () => void;
  onCancelOpen: () => void;
  onCancelConfirm: () => void;
  onCancelKeep: () => void;
  onAnother: () => void;
  onFocusField: (id: string) => void;
  /** The API's base URL, for the satisfaction survey of a served visit. */
  apiBase: string | undefined;
}

/**
 * The ticket: the number (large), when, where, which counter, the codes, what to bring (the
 * service's requirements as a checklist), the QR code the officer scans at check-in, a calendar
 * file, and changing or cancelling while it is still only booked; once the visit was served, the
 * satisfaction survey (<loket-satisfaction-survey>, answered with the booking's code and secret).
 */
export const TicketView: FunctionalComponent<TicketProps> = (p) => {
  const { s, t, booking: b } = p;
  const service = s.services.get(b.service.id);
  const active = b.status === 'booked';
  return (
    <section class="ticket" part="ticket" aria-labelledby="loket-ticket-heading">
      <h2 id="loket-ticket-heading" tabIndex={-1}>
        {t.ticket.heading}
      </h2>
      <ErrorSummary t={t} errors={{}} general={s.general} onFocusField={p.onFocusField} />
      <div class={{ 'ticket-card': true, cancelled: b.status === 'cancelled' }} part="ticket-card">
        <p class="ticket-number" part="number">
          <span class="label">{t.ticket.number}</span>
          <strong>{b.ticket.number}</strong>
        </p>
        <p class="ticket-status" part="status">
          {t.ticket.status[b.status]}
          {b.cancel_reason && `: ${b.cancel_reason}`}
        </p>
        <dl class="answers">
          <div>
            <dt>{t.ticket.when}</dt>
            <dd>{visitWhen(s.locale, b.date, b.time, b.timezone)}</dd>
          </div>
          <div>
            <dt>{t.ticket.place}</dt>
            <dd>
              {b.location.name}
              {b.location.address && <span class="small">{b.location.address}</span>}
            </dd>
          </div>
          <div>
            <dt>{t.ticket.counter}</dt>
            <dd>
              {b.counter.label} · {b.counter.agency_name}
              <span class="small">{b.service.name}</span>
            </dd>
          </div>
          <div>
            <dt>{t.ticket.code}</dt>
            <dd class="code">{b.code}</dd>
          </div>
          <div>
            <dt>{t.ticket.secret}</dt>
            <dd>
              <span class="code">{b.secret}</span>
              <span class="small">{t.ticket.secretHint}</span>
            </dd>
          </div>
        </dl>
        {active && (
          <figure class="qr" part="qr">
            {p.qrHref ? (
              <img src={p.qrHref} alt={`${t.ticket.qr}: ${b.code}`} width="192" height="192" />
            ) : (
              <div class="qr-placeholder" aria-hidden="true" />
            )}
            <figcaption class="small">{t.ticket.qrHint}</figcaption>
          </figure>
        )}
      </div>
      {b.status === 'done' && (
        <loket-satisfaction-survey
          part="survey"
          lang={s.locale}
          apiBase={p.apiBase}
          code={b.code}
          secret={b.secret}
        />
      )}
      {active && (
        <div class="actions" part="actions">
          {p.calendarHref && (
            <a
              class="button"
              part="button calendar"
              href={p.calendarHref}
              download={fill(t.ticket.calendarFile, { code: b.code })}
            >
              {t.ticket.calendar}
            </a>
          )}
          <button type="button" class="button" part="button reschedule" onClick={p.onReschedule}>
            {t.ticket.reschedule}
          </button>
          <button type="button" class="button" part="button cancel-open" onClick={p.onCancelOpen}>
            {t.ticket.cancel}
          </button>
        </div>
      )}
      {s.cancelStep !== 'closed' && active && (
        <section class="cancel" part="cancel" aria-labelledby="loket-cancel-heading">
          <h3 id="loket-cancel-heading" tabIndex={-1}>
            {t.ticket.cancelHeading}
          </h3>
          <p>{t.ticket.cancelBody}</p>
          <div class="actions">
            <button
              type="button"
              class="button danger"
              part="button cancel-confirm"
              aria-disabled={s.cancelStep === 'sending' ? 'true' : null}
              onClick={p.onCancelConfirm}
            >
              {t.ticket.cancelConfirm}
            </button>
            <button type="button" class="button" part="button cancel-keep" onClick={p.onCancelKeep}>
              {t.ticket.cancelKeep}
            </button>
          </div>
        </section>
      )}
      <section aria-labelledby="loket-bring">
        <h3 id="loket-bring">{t.ticket.bring}</h3>
        {service && service.requirements.length > 0 ? (
          [
            <p class="hint" id="loket-bring-hint">
              {t.ticket.bringHint}
            </p>,
            <ul class="checklist" part="checklist">
              {service.requirements.map((item, i) => (
                <li>
                  <input type="checkbox" id={`loket-bring-${i}`} aria-describedby="loket-bring-hint" />
                  <label htmlFor={`loket-bring-${i}`}>{item}</label>
                </li>
              ))}
            </ul>,
          ]
        ) : service ? (
          <p>{t.ticket.bringNone}</p>
        ) : (
          <p class="small loading">{t.loading}</p>
        )}
      </section>
      <p>
        <button type="button" class="button" part="button another" onClick={p.onAnother}>
          {t.ticket.another}
        </button>
      </p>
    </section>
  );
};

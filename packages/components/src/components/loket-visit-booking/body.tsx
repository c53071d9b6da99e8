import { type FunctionalComponent, h } from '@stencil/core';
import { ConfirmStep } from './confirm';
import { ErrorSummary, StepActions, TextField } from './fields';
import { ContactStep, DayStep, PlaceStep, ServiceStep, SlotStep, type StepProps } from './steps';
import { type TicketProps, TicketView } from './ticket';

/** The ticket's handlers (the component's). */
export type TicketActions = Omit<TicketProps, 's' | 't' | 'booking' | 'qrHref' | 'calendarHref'>;

/** What the booking shows under its live region: loading, the failure, the open step or the ticket. */
export const BookingBody: FunctionalComponent<{
  step: StepProps;
  ticket: TicketActions;
  /** "Lihat antrean Anda", once its module has loaded (lookup.tsx). */
  lookup: typeof import('./lookup').LookupStep | undefined;
  onRetry: () => void;
}> = ({ step: p, ticket, lookup: Lookup, onRetry }) => {
  const { s, t } = p;
  if (s.phase === 'loading') return <p class="small loading">{t.loading}</p>;
  if (s.phase === 'failed')
    return (
      <div class="failed" part="error" role="alert">
        <p>{t.failed}</p>
        <button type="button" class="button" part="button retry" onClick={onRetry}>
          {t.retry}
        </button>
      </div>
    );
  switch (s.step) {
    case 'ticket':
      return s.booking && <TicketView s={s} t={t} booking={s.booking} {...s.extras} {...ticket} />;
    case 'lookup':
      return (
        Lookup && (
          <Lookup
            {...p}
            onAnother={ticket.onAnother}
            ErrorSummary={ErrorSummary}
            TextField={TextField}
            StepActions={StepActions}
          />
        )
      );
    case 'service':
      return <ServiceStep {...p} />;
    case 'day':
      return <DayStep {...p} />;
    case 'slot':
      return <SlotStep {...p} />;
    case 'contact':
      return <ContactStep {...p} />;
    case 'confirm':
      return <ConfirmStep {...p} />;
    default:
      return [<p class="intro">{t.intro}</p>, <PlaceStep {...p} />];
  }
};

import type { HallCounter, HallTicket } from '@loket/sdk';
import { type FunctionalComponent, h } from '@stencil/core';
import type { DeskMessages } from '../../messages';

/** One counter: the number being served with its outcome buttons, call next, and the day's numbers. */
export const Counter: FunctionalComponent<{
  t: DeskMessages;
  counter: HallCounter;
  busy: boolean;
  onCall: () => void;
  onOutcome: (ticket: HallTicket, outcome: 'done' | 'no_show') => void;
}> = ({ t, counter, busy, onCall, onOutcome }) => {
  const current = counter.current;
  const headingId = `desk-counter-${counter.id}`;
  return (
    <li class="counter">
      <section aria-labelledby={headingId}>
        <h2 id={headingId}>{counter.label}</h2>
        {counter.closed ? (
          <p class="notice">{t.visits.closed}</p>
        ) : (
          [
            current && (
              <div class="current">
                <p>
                  <span class="label">{t.visits.current}</span>
                  <span class="number">{current.number}</span> {current.name ?? t.visits.walkIn} ·{' '}
                  {current.service.name}
                </p>
                <div class="buttons">
                  <button
                    type="button"
                    aria-disabled={busy ? 'true' : 'false'}
                    onClick={() => onOutcome(current, 'done')}
                  >
                    {t.visits.done}
                    <span class="visually-hidden"> {current.number}</span>
                  </button>
                  <button
                    type="button"
                    class="secondary"
                    aria-disabled={busy ? 'true' : 'false'}
                    onClick={() => onOutcome(current, 'no_show')}
                  >
                    {t.visits.noShow}
                    <span class="visually-hidden"> {current.number}</span>
                  </button>
                </div>
              </div>
            ),
            <button type="button" class="call" aria-disabled={busy ? 'true' : 'false'} onClick={onCall}>
              {t.visits.callNext}
              <span class="visually-hidden"> — {counter.label}</span>
            </button>,
          ]
        )}
        <h3>{t.visits.tickets}</h3>
        {counter.tickets.length === 0 ? (
          <p class="hint">{t.visits.none}</p>
        ) : (
          <table>
            <tbody>
              {counter.tickets.map((ticket) => (
                <tr>
                  <th scope="row">{ticket.number}</th>
                  <td>{ticket.time ?? t.visits.walkIn}</td>
                  <td>{ticket.name ?? ''}</td>
                  <td>{t.visits.ticketStatus[ticket.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </li>
  );
};

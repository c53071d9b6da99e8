import type { VisitDay } from '@loket/sdk';
import { type FunctionalComponent, h } from '@stencil/core';
import { date, fill, type Locale, plural } from '../../i18n';
import { addMonths, clampDate, type IsoDate, monthOf, monthWeeks, moveFocus } from './calendar';
import type { VisitMessages } from './messages';

export interface DayPickerProps {
  locale: Locale;
  t: VisitMessages;
  /** The days the API described (from today at the location), by date. */
  days: Map<IsoDate, VisitDay>;
  today: IsoDate;
  /** The last day the API described. */
  last: IsoDate;
  /** The day with the roving tab stop (its month is shown). */
  focused: IsoDate;
  selected: IsoDate | null;
  error?: string;
  onFocusDay: (day: IsoDate) => void;
  onSelect: (day: IsoDate) => void;
}

const bookable = (day: VisitDay | undefined) => day?.status === 'open';

/** What a day cell says besides its date: places left, or why it cannot be chosen. */
function dayNote(p: DayPickerProps, day: VisitDay | undefined): string {
  const { t } = p;
  if (!day || day.status === 'past' || day.status === 'too_far') return t.day.outside;
  if (day.status === 'open') return plural(p.locale, t.slot.remaining, day.remaining);
  if (day.status === 'holiday') return fill(t.day.holiday, { name: day.reason ?? '' });
  if (day.status === 'full') return t.day.full;
  return day.reason ? `${t.day.closed}: ${day.reason}` : t.day.closed;
}

/**
 * A month of days as the ARIA APG date grid: one tab stop (the focused day), arrow keys move by
 * day and week, Home/End to the week's ends, PageUp/PageDown by month (with Shift by year),
 * Enter or Space chooses. Days that cannot be chosen stay reachable, marked `aria-disabled`,
 * their reason in their name (a holiday's name, "Tutup", "Penuh").
 */
export const DayPicker: FunctionalComponent<DayPickerProps> = (p) => {
  const { t, locale } = p;
  const month = monthOf(p.focused);
  const first = monthOf(p.today);
  const lastMonth = monthOf(p.last);
  const go = (target: IsoDate) => p.onFocusDay(clampDate(target, p.today, p.last));
  const onKey = (e: KeyboardEvent, day: IsoDate) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (bookable(p.days.get(day))) p.onSelect(day);
      return;
    }
    const next = moveFocus(day, e.key, e.shiftKey);
    if (!next) return;
    e.preventDefault();
    go(next);
  };
  const monthName = date(locale, month, { month: 'long', year: 'numeric' });
  return (
    <div class="calendar" part="calendar">
      <div class="month-nav">
        <button
          type="button"
          class="button"
          part="button month-previous"
          aria-disabled={month <= first ? 'true' : null}
          onClick={() => month > first && go(addMonths(p.focused, -1))}
        >
          <span aria-hidden="true">‹ </span>
          {t.day.previous}
        </button>
        <h3 id="loket-month" aria-live="polite">
          {monthName}
        </h3>
        <button
          type="button"
          class="button"
          part="button month-next"
          aria-disabled={month >= lastMonth ? 'true' : null}
          onClick={() => month < lastMonth && go(addMonths(p.focused, 1))}
        >
          {t.day.next}
          <span aria-hidden="true"> ›</span>
        </button>
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the ARIA APG date picker's grid is a table with role="grid" */}
      <table role="grid" aria-labelledby="loket-month" aria-describedby="loket-day-hint" part="grid">
        <thead>
          <tr>
            {t.day.weekdays.map((short, i) => (
              <th scope="col" abbr={t.day.weekdaysLong[i]}>
                {short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(month).map((week) => (
            <tr>
              {week.map((iso) => {
                if (!iso) return <td class="blank" />;
                const day = p.days.get(iso);
                const open = bookable(day);
                const note = dayNote(p, day);
                const label = `${date(locale, iso, { weekday: 'long', day: 'numeric', month: 'long' })}, ${note}`;
                return (
                  <td class={{ open, selected: iso === p.selected, holiday: day?.status === 'holiday' }}>
                    <button
                      type="button"
                      class="day"
                      part="day"
                      id={iso === p.focused ? 'loket-day' : undefined}
                      tabIndex={iso === p.focused ? 0 : -1}
                      aria-label={label}
                      aria-disabled={open ? null : 'true'}
                      aria-current={iso === p.today ? 'date' : null}
                      aria-pressed={iso === p.selected ? 'true' : 'false'}
                      title={note}
                      onClick={() => {
                        p.onFocusDay(iso);
                        if (open) p.onSelect(iso);
                      }}
                      onKeyDown={(e: KeyboardEvent) => onKey(e, iso)}
                    >
                      {Number(iso.slice(8))}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <ul class="legend" part="legend">
        <li>
          <span class="swatch open" aria-hidden="true" /> {t.day.legendOpen}
        </li>
        <li>
          <span class="swatch" aria-hidden="true" /> {t.day.legendClosed}
        </li>
      </ul>
    </div>
  );
};

import type { components } from '@loket/sdk/contract';
import type { Queryable } from '../db/index.js';
import type { Lang } from '../messages/index.js';
import type { CounterRow, Site } from './site.js';
import { daysBetween, instantOf, localDate, slotTimes, weekdayOf } from './time.js';

type DayStatus = components['schemas']['VisitDayStatus'];

/** What the days between two dates hold: holidays, closures, and the places taken. */
export interface Bookings {
  holidays: Map<string, { id: string; en: string }>;
  /** date → counter id ('' for the whole location) → reason. */
  closures: Map<string, Map<string, string>>;
  slotLoad: Map<string, number>;
  dayLoad: Map<string, number>;
}

export interface PlannedSlot {
  time: string;
  end: string;
  starts_at: string;
  remaining: number;
  bookable: boolean;
}

export interface DayPlan {
  status: DayStatus;
  reason: string | null;
  slots: PlannedSlot[];
  /** The counters open that day (of those serving the service). */
  open: CounterRow[];
}

const slotKey = (counter: string, date: string, time: string) => `${counter}|${date}|${time}`;
export const dayKey = (counter: string, date: string) => `${counter}|${date}`;

/** Everything planDay needs about `from`…`to` at a site, in four queries. */
export async function loadBookings(db: Queryable, site: Site, from: string, to: string): Promise<Bookings> {
  const args = [site.location_id, from, to];
  const [holidays, closures, slots, days] = await Promise.all([
    db.query<{ date: string; name_id: string; name_en: string }>(
      `select date::text as date, name_id, name_en from holiday where date between $1::date and $2::date`,
      [from, to],
    ),
    db.query<{ day: string; counter_id: string; reason: string }>(
      `select day::text as day, counter_id, reason from visit_closure
       where location_id = $1 and day between $2::date and $3::date`,
      args,
    ),
    db.query<{ counter_id: string; day: string; slot_time: string; booked: number }>(
      `select counter_id, day::text as day, slot_time, booked from visit_slot_load
       where location_id = $1 and day between $2::date and $3::date`,
      args,
    ),
    db.query<{ counter_id: string; day: string; booked: number }>(
      `select counter_id, day::text as day, booked from visit_day_load
       where location_id = $1 and day between $2::date and $3::date`,
      args,
    ),
  ]);
  const closed = new Map<string, Map<string, string>>();
  for (const c of closures) {
    const day = closed.get(c.day) ?? new Map<string, string>();
    day.set(c.counter_id, c.reason);
    closed.set(c.day, day);
  }
  return {
    holidays: new Map(holidays.map((h) => [h.date, { id: h.name_id, en: h.name_en }])),
    closures: closed,
    slotLoad: new Map(slots.map((s) => [slotKey(s.counter_id, s.day, s.slot_time), s.booked])),
    dayLoad: new Map(days.map((d) => [dayKey(d.counter_id, d.day), d.booked])),
  };
}

const shut = (status: DayStatus, reason: string | null = null): DayPlan => ({
  status,
  reason,
  slots: [],
  open: [],
});

/**
 * One day of a site for the counters serving a service: why it cannot be booked, or its slots
 * with the places left (over the open counters, less the walk-in places, within each counter's
 * daily quota) and whether each is still before its cut-off.
 */
export function planDay(
  site: Site,
  counters: CounterRow[],
  date: string,
  now: Date,
  bookings: Bookings,
  lang: Lang,
): DayPlan {
  const ahead = daysBetween(localDate(now, site.timezone), date);
  if (ahead < 0) return shut('past');
  // A holiday is said even beyond the booking window: a calendar shows it.
  const holiday = bookings.holidays.get(date);
  if (holiday) return shut('holiday', holiday[lang]);
  if (ahead > site.policy.days_ahead) return shut('too_far');
  const closures = bookings.closures.get(date);
  const whole = closures?.get('');
  if (whole !== undefined) return shut('closed', whole);
  const hours = site.week[weekdayOf(date)];
  if (hours === undefined || hours === null) return shut('no_hours');
  if (hours === 'closed') return shut('closed');
  const open = counters.filter((c) => !closures?.has(c.id));
  if (open.length === 0) return shut('closed', closures?.get(counters[0]?.id ?? '') ?? null);

  const { capacity, walk_in_per_slot, daily_quota, slot_minutes, cutoff_minutes } = site.policy;
  const slots = slotTimes(hours, slot_minutes).map(({ time, end }): PlannedSlot => {
    const startsAt = instantOf(date, time, site.timezone);
    const remaining = open.reduce((sum, c) => {
      const inSlot = capacity - walk_in_per_slot - (bookings.slotLoad.get(slotKey(c.id, date, time)) ?? 0);
      const inDay = daily_quota - (bookings.dayLoad.get(dayKey(c.id, date)) ?? 0);
      return sum + Math.max(0, Math.min(inSlot, inDay));
    }, 0);
    const beforeCutoff = startsAt.getTime() - cutoff_minutes * 60_000 >= now.getTime();
    return {
      time,
      end,
      starts_at: startsAt.toISOString(),
      remaining,
      bookable: remaining > 0 && beforeCutoff,
    };
  });
  const status = slots.some((s) => s.bookable) ? 'open' : 'full';
  return { status, reason: null, slots, open };
}

/** The places left in a day: each open counter's quota left, at most its bookable slots' places. */
export function dayRemaining(site: Site, plan: DayPlan, date: string, bookings: Bookings): number {
  if (plan.status !== 'open') return 0;
  const { capacity, walk_in_per_slot, daily_quota } = site.policy;
  return plan.open.reduce((sum, c) => {
    const inSlots = plan.slots
      .filter((s) => s.bookable)
      .reduce(
        (n, s) =>
          n +
          Math.max(
            0,
            capacity - walk_in_per_slot - (bookings.slotLoad.get(slotKey(c.id, date, s.time)) ?? 0),
          ),
        0,
      );
    return (
      sum + Math.max(0, Math.min(inSlots, daily_quota - (bookings.dayLoad.get(dayKey(c.id, date)) ?? 0)))
    );
  }, 0);
}

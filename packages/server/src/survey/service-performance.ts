import { addDays, isWorkingDay, jakartaDate, loadCalendar } from '../applications/calendar.js';
import { isOverdue } from '../applications/present.js';
import type { ApplicationRow } from '../applications/security.js';
import type { Queryable } from '../db/index.js';
import type { Lang } from '../messages/index.js';
import { jakartaMidnight } from './period.js';
import { type Scope, scopeWhere } from './satisfaction.js';

export interface ServicePerformance {
  service: string;
  name: string;
  applications: number;
  decided: number;
  on_time: number;
  on_time_share: number | null;
  median_working_days: number | null;
  overdue_now: number;
}

interface Decision {
  service_id: string;
  submitted_at: Date | string;
  decided_at: Date | string;
  due_date: string | null;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Per service in the scope, from the applications' own history: submitted in the period, decided
 * (completed or rejected) in it, how many of those by their due date, the median working days from
 * submission to decision (working days after the day of submission, up to the day of decision, on
 * the holiday calendar), and those overdue now (whatever the period).
 */
export async function servicePerformance(
  db: Queryable,
  scope: Omit<Scope, 'location'>,
  options: { now: Date; lang: Lang },
): Promise<ServicePerformance[]> {
  const from = jakartaMidnight(scope.period.start);
  const until = jakartaMidnight(scope.period.until);
  const params: unknown[] = [];
  const filter = scopeWhere(scope, params, {
    region: 'a.region_code',
    service: 'a.service_id',
    agency: 'a.agency_id',
  });
  const n = params.length;
  const submitted = await db.query<{ service_id: string; count: number }>(
    `select a.service_id, count(*)::int as count from application a
     where ${filter} and a.submitted_at >= $${n + 1} and a.submitted_at < $${n + 2} group by 1`,
    [...params, from, until],
  );
  const decisions = await db.query<Decision>(
    `select a.service_id, a.submitted_at, e.at as decided_at, a.due_date::text as due_date
     from application_event e join application a on a.id = e.application_id
     where e.to_status in ('completed', 'rejected') and e.at >= $${n + 1} and e.at < $${n + 2} and ${filter}`,
    [...params, from, until],
  );
  const open = await db.query<
    Pick<ApplicationRow, 'service_id' | 'status' | 'due_date' | 'due_working_days' | 'due_calendar'>
  >(
    `select a.service_id, a.status, a.due_date::text as due_date, a.due_working_days, a.due_calendar
     from application a where ${filter} and a.status in ('submitted', 'in_review') and a.due_date is not null`,
    params,
  );
  const earliest = decisions.reduce(
    (min, d) => (jakartaDate(new Date(d.submitted_at)) < min ? jakartaDate(new Date(d.submitted_at)) : min),
    scope.period.start,
  );
  const calendar = await loadCalendar(db, earliest);
  const workingDaysBetween = (start: string, end: string) => {
    let days = 0;
    for (let date = addDays(start, 1); date <= end; date = addDays(date, 1))
      if (isWorkingDay(calendar, date)) days++;
    return days;
  };

  const ids = new Set([
    ...submitted.map((r) => r.service_id),
    ...decisions.map((d) => d.service_id),
    ...open.map((o) => o.service_id),
  ]);
  const names = await db.query<{ id: string; name_id: string; name_en: string }>(
    'select id, name_id, name_en from service where id = any($1::text[])',
    [[...ids]],
  );
  const nameOf = new Map(names.map((s) => [s.id, options.lang === 'en' ? s.name_en : s.name_id]));
  return [...ids].sort().map((service) => {
    const mine = decisions.filter((d) => d.service_id === service);
    const withDue = mine.filter((d) => d.due_date !== null);
    const onTime = withDue.filter((d) => jakartaDate(new Date(d.decided_at)) <= (d.due_date ?? '')).length;
    return {
      service,
      name: nameOf.get(service) ?? service,
      applications: submitted.find((r) => r.service_id === service)?.count ?? 0,
      decided: mine.length,
      on_time: onTime,
      on_time_share: withDue.length > 0 ? Math.round((onTime / withDue.length) * 1000) / 1000 : null,
      median_working_days: median(
        mine.map((d) =>
          workingDaysBetween(jakartaDate(new Date(d.submitted_at)), jakartaDate(new Date(d.decided_at))),
        ),
      ),
      overdue_now: open.filter((o) => o.service_id === service && isOverdue(o, options.now)).length,
    };
  });
}

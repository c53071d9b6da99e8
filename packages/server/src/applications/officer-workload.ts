import type { Queryable } from '../db/index.js';
import { jakartaDate } from './calendar.js';
import { endOfWeek, officerScopeSql, officerVisibleSql, overdueSql, owedSql } from './officer-queue.js';
import type { Officer } from './security.js';

// A supervisor's view of the agency's work in its scope (GET /v1/officer/workload): open
// applications per officer and per service, and the overdue list. "Per officer" is who last moved
// an application (its newest `officer:<name>` event); one no officer has touched yet is nobody's.

const open = `a.status in ('submitted', 'in_review', 'needs_revision')`;

export interface WorkloadOfficerRow {
  officer: string | null;
  in_review: number;
  needs_revision: number;
  waiting: number;
  overdue: number;
  decided_week: number;
}

export interface WorkloadServiceRow {
  service: string;
  name_id: string;
  name_en: string;
  open: number;
  owed: number;
  overdue: number;
  due_week: number;
}

export interface OverdueRow {
  code: string;
  service: string;
  name_id: string;
  name_en: string;
  status: 'submitted' | 'in_review';
  due_date: string;
  officer: string | null;
}

/** The officer who last moved each application of `alias` (a lateral subquery's column). */
const lastOfficer = (alias: string) => `(select substr(e.actor, 9) from application_event e
    where e.application_id = ${alias}.id and e.actor like 'officer:%' order by e.id desc limit 1)`;

/** The workload of the officer's scope at `now`: three queries over open applications, one over a week's decisions. */
export async function officerWorkload(db: Queryable, officer: Officer, now: Date, overdueLimit = 100) {
  const today = jakartaDate(now);
  const scope = `${officerScopeSql('a', '$1', '$2')} and ${officerVisibleSql('a')}`;
  const params = [officer.agency_id, officer.region_code, today];
  const weekAgo = new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000);
  const [byOfficer, decided, byService, overdue] = await Promise.all([
    db.query<Omit<WorkloadOfficerRow, 'decided_week'>>(
      `select w.officer,
         (count(*) filter (where w.status = 'in_review'))::int as in_review,
         (count(*) filter (where w.status = 'needs_revision'))::int as needs_revision,
         (count(*) filter (where w.status = 'submitted'))::int as waiting,
         (count(*) filter (where w.overdue))::int as overdue
       from (select a.status, ${overdueSql('a', '$3')} as overdue, ${lastOfficer('a')} as officer
             from application a where ${scope} and ${open}) w
       group by w.officer order by w.officer nulls first`,
      params,
    ),
    db.query<{ officer: string; n: number }>(
      `select substr(e.actor, 9) as officer, count(*)::int as n
       from application_event e join application a on a.id = e.application_id
       where ${officerScopeSql('a', '$1', '$2')} and e.actor like 'officer:%'
         and e.to_status in ('completed', 'rejected') and e.at >= $3::timestamptz
       group by 1`,
      [officer.agency_id, officer.region_code, weekAgo.toISOString()],
    ),
    db.query<WorkloadServiceRow>(
      `select a.service_id as service, s.name_id, s.name_en, count(*)::int as open,
         (count(*) filter (where ${owedSql('a')}))::int as owed,
         (count(*) filter (where ${overdueSql('a', '$3')}))::int as overdue,
         (count(*) filter (where a.due_date <= $4::date and ${owedSql('a')}))::int as due_week
       from application a join service s on s.id = a.service_id
       where ${scope} and ${open}
       group by a.service_id, s.name_id, s.name_en order by 6 desc, 4 desc, a.service_id`,
      [...params, endOfWeek(today)],
    ),
    db.query<OverdueRow>(
      `select a.code, a.service_id as service, s.name_id, s.name_en, a.status, a.due_date::text as due_date,
         ${lastOfficer('a')} as officer
       from application a join service s on s.id = a.service_id
       where ${scope} and ${overdueSql('a', '$3')}
       order by a.due_date, a.submitted_at, a.code limit $4`,
      [...params, overdueLimit],
    ),
  ]);
  const decidedBy = new Map(decided.map((d) => [d.officer, d.n]));
  const officers: WorkloadOfficerRow[] = byOfficer.map((row) => ({
    ...row,
    decided_week: row.officer === null ? 0 : (decidedBy.get(row.officer) ?? 0),
  }));
  // Officers who decided this week but hold nothing open now are part of the picture too.
  for (const [name, n] of decidedBy) {
    if (!officers.some((o) => o.officer === name)) {
      officers.push({
        officer: name,
        in_review: 0,
        needs_revision: 0,
        waiting: 0,
        overdue: 0,
        decided_week: n,
      });
    }
  }
  return { today, officers, services: byService, overdue };
}

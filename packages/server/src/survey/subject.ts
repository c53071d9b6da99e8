import type { Db, Queryable } from '../db/index.js';
import { say } from '../messages/index.js';
import { problem } from '../problem.js';
import { type ResponseFacts, recordResponse, type SurveyProfile, surveyMarker } from './responses.js';

// What a survey is answered for: a decided application, or a visit that was served. Each is
// answered once (its survey_marker), and its response keeps only where and what was served.

export type SurveyState = 'not_yet' | 'open' | 'answered';

/** What a citizen sends: the nine scores, optionally a profile and a suggestion. */
export interface SurveyAnswer {
  scores: number[];
  profile?: SurveyProfile;
  suggestion?: string;
}

/** An application or a booked visit, as far as its survey needs it. */
export interface SurveySubject {
  kind: 'application' | 'visit';
  id: string;
  /** The application is completed or rejected; the visit is done. */
  open: boolean;
  /** What its response is stored with (never the application or the visit). */
  where: Pick<ResponseFacts, 'serviceId' | 'agencyId' | 'regionCode' | 'locationId'>;
}

/** What a survey is about: an application's id, or a booking's (visit_ticket) id. */
export type SurveyAbout = { application: string } | { ticket: string };

interface SubjectRow {
  id: string;
  open: boolean;
  service_id: string;
  agency_id: string | null;
  region_code: string;
  location_id: string | null;
}

// A booking's agency is that of the counter that served it (or was booked); its region the location's.
const subjectSql = {
  application: `select id, status in ('completed', 'rejected') as open, service_id, agency_id, region_code,
      null as location_id
    from application where id = $1`,
  visit: `select t.id, t.status = 'done' as open, t.service_id, c.agency_id, l.region_code, t.location_id
    from visit_ticket t join location l on l.id = t.location_id
    left join visit_counter c on c.location_id = t.location_id and c.id = coalesce(t.called_counter_id, t.counter_id)
    where t.id = $1 and t.kind = 'booked'`,
};

/** The subject of an application or a booking, or null when it is gone. */
export async function surveySubject(db: Queryable, about: SurveyAbout): Promise<SurveySubject | null> {
  const kind = 'application' in about ? 'application' : 'visit';
  const id = 'application' in about ? about.application : about.ticket;
  const [row] = await db.query<SubjectRow>(subjectSql[kind], [id]);
  if (!row) return null;
  return {
    kind,
    id: row.id,
    open: row.open,
    where: {
      serviceId: row.service_id,
      agencyId: row.agency_id,
      regionCode: row.region_code,
      locationId: row.location_id,
    },
  };
}

/** Like surveySubject, for one that was just opened with its secret (it cannot be gone). */
export async function requireSubject(db: Queryable, about: SurveyAbout): Promise<SurveySubject> {
  const subject = await surveySubject(db, about);
  if (!subject) throw new Error('the survey subject disappeared');
  return subject;
}

/** Whether the survey of this application or visit may be answered now, was answered, or is not open yet. */
export async function surveyState(db: Queryable, subject: SurveySubject): Promise<SurveyState> {
  if (!subject.open) return 'not_yet';
  const rows = await db.query('select 1 from survey_marker where marker = $1', [
    surveyMarker(subject.kind, subject.id),
  ]);
  return rows.length > 0 ? 'answered' : 'open';
}

const refusals = {
  application: { notOpen: 'surveyNotOpen', answered: 'surveyAnswered' },
  visit: { notOpen: 'visitSurveyNotOpen', answered: 'visitSurveyAnswered' },
} as const;

/**
 * The citizen's response for a decided application or a served visit, once. Stored with its
 * service, agency, region (and a visit's location) and the month, never with the application or
 * the visit itself.
 */
export async function answerSurvey(
  db: Db,
  subject: SurveySubject,
  answer: SurveyAnswer,
  now: Date,
): Promise<void> {
  const say_ = refusals[subject.kind];
  if (!subject.open) throw problem('survey-not-open', 409, say(say_.notOpen));
  const kept = await db.transaction((tx) =>
    recordResponse(
      tx,
      {
        channel: subject.kind,
        ...subject.where,
        at: now,
        scores: answer.scores,
        profile: answer.profile,
        suggestion: answer.suggestion,
      },
      surveyMarker(subject.kind, subject.id),
    ),
  );
  if (!kept) throw problem('survey-answered', 409, say(say_.answered));
}

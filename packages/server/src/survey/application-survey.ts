import type { ApplicationRow } from '../applications/security.js';
import type { Db, Queryable } from '../db/index.js';
import { say } from '../messages/index.js';
import { problem } from '../problem.js';
import { recordResponse, type SurveyProfile, surveyMarker } from './responses.js';

export type SurveyState = 'not_yet' | 'open' | 'answered';

/** What a citizen sends: the nine scores, optionally a profile and a suggestion. */
export interface SurveyAnswer {
  scores: number[];
  profile?: SurveyProfile;
  suggestion?: string;
}

const decided = (status: ApplicationRow['status']) => status === 'completed' || status === 'rejected';

/** Whether the survey of this application may be answered now, was answered, or is not open yet. */
export async function surveyState(
  db: Queryable,
  app: Pick<ApplicationRow, 'id' | 'status'>,
): Promise<SurveyState> {
  if (!decided(app.status)) return 'not_yet';
  const rows = await db.query('select 1 from survey_marker where marker = $1', [
    surveyMarker('application', app.id),
  ]);
  return rows.length > 0 ? 'answered' : 'open';
}

/**
 * The citizen's response for a completed or rejected application, once. Stored with the
 * application's service, agency and region and the month, never with the application itself.
 */
export async function answerApplicationSurvey(
  db: Db,
  app: Pick<ApplicationRow, 'id' | 'status' | 'service_id' | 'agency_id' | 'region_code'>,
  answer: SurveyAnswer,
  now: Date,
): Promise<void> {
  if (!decided(app.status)) throw problem('survey-not-open', 409, say('surveyNotOpen'));
  const kept = await db.transaction((tx) =>
    recordResponse(
      tx,
      {
        channel: 'application',
        serviceId: app.service_id,
        agencyId: app.agency_id,
        regionCode: app.region_code,
        locationId: null,
        at: now,
        scores: answer.scores,
        profile: answer.profile,
        suggestion: answer.suggestion,
      },
      surveyMarker('application', app.id),
    ),
  );
  if (!kept) throw problem('survey-answered', 409, say('surveyAnswered'));
}

import { randomUUID } from 'node:crypto';
import { jakartaDate } from '../applications/calendar.js';
import { sha256Hex } from '../applications/secrets.js';
import type { Queryable } from '../db/index.js';

/** The respondent's profile as the SKM form asks it; each part optional. */
export interface SurveyProfile {
  age_band?: string;
  sex?: string;
  education?: string;
  occupation?: string;
}

/** What is stored of one response: where and what was served, when (the month), the scores. */
export interface ResponseFacts {
  channel: 'application' | 'visit' | 'kiosk';
  serviceId: string | null;
  agencyId: string | null;
  regionCode: string;
  locationId: string | null;
  at: Date;
  /** The nine scores (1–4) in the regulation's order. */
  scores: readonly number[];
  profile?: SurveyProfile | undefined;
  suggestion?: string | undefined;
  /** Made by the benchmark: never published. */
  synthetic?: boolean;
}

/**
 * The one-way marker of what a response answered for (an application or a visit): its SHA-256,
 * stored alone, so that a second response is refused while nothing says which response it gave.
 */
export const surveyMarker = (kind: 'application' | 'visit', id: string) => sha256Hex(`survey:${kind}:${id}`);

/** The first day of the Jakarta month of an instant (`YYYY-MM-01`): the only time a response keeps. */
export const monthOf = (at: Date) => `${jakartaDate(at).slice(0, 7)}-01`;

const scoreColumns = [1, 2, 3, 4, 5, 6, 7, 8, 9];
const sums = scoreColumns.map((i) => `s${i}`).join(', ');
const addSums = (table: string) =>
  scoreColumns.map((i) => `s${i} = ${table}.s${i} + excluded.s${i}`).join(', ');
const sumOfScores = scoreColumns.map((i) => `sum(u${i})`).join(', ');

/** The running sums of a response's cell and of its region's month, in the same transaction (020_survey.sql). */
async function tally(tx: Queryable, facts: ResponseFacts, month: string): Promise<void> {
  await tx.query(
    `insert into survey_tally_region (region_code, month, synthetic, n, ${sums})
     values ($1, $2::date, $3, 1, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     on conflict (region_code, month, synthetic) do update set n = survey_tally_region.n + 1, ${addSums('survey_tally_region')}`,
    [facts.regionCode, month, facts.synthetic ?? false, ...facts.scores],
  );
  await tx.query(
    `insert into survey_tally (region_code, service_id, agency_id, location_id, month, synthetic, n, ${sums})
     values ($1, $2, $3, $4, $5::date, $6, 1, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     on conflict (region_code, month, service_id, agency_id, location_id, synthetic)
     do update set n = survey_tally.n + 1, ${addSums('survey_tally')}`,
    [
      facts.regionCode,
      facts.serviceId ?? '',
      facts.agencyId ?? '',
      facts.locationId ?? '',
      month,
      facts.synthetic ?? false,
      ...facts.scores,
    ],
  );
}

/**
 * Stores one response and adds it to its cell's sums, inside the caller's transaction. With a
 * marker, only the first response for it is kept: returns false (and stores nothing) for a second.
 */
export async function recordResponse(
  tx: Queryable,
  facts: ResponseFacts,
  marker: string | null,
): Promise<boolean> {
  if (marker) {
    const fresh = await tx.query(
      'insert into survey_marker (marker) values ($1) on conflict do nothing returning 1',
      [marker],
    );
    if (fresh.length === 0) return false;
  }
  const month = monthOf(facts.at);
  const p = facts.profile ?? {};
  await tx.query(
    `insert into survey_response (id, channel, service_id, agency_id, region_code, location_id, month,
       u1, u2, u3, u4, u5, u6, u7, u8, u9, age_band, sex, education, occupation, suggestion, synthetic)
     values ($1, $2, $3, $4, $5, $6, $7::date, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)`,
    [
      randomUUID(),
      facts.channel,
      facts.serviceId,
      facts.agencyId,
      facts.regionCode,
      facts.locationId,
      month,
      ...facts.scores,
      p.age_band ?? null,
      p.sex ?? null,
      p.education ?? null,
      p.occupation ?? null,
      facts.suggestion?.trim() || null,
      facts.synthetic ?? false,
    ],
  );
  await tally(tx, facts, month);
  return true;
}

/**
 * Rebuilds every cell's sums from the responses (after a restore, or after the benchmark loads
 * responses in bulk): the same numbers the incremental updates keep.
 */
export async function rebuildTallies(tx: Queryable): Promise<void> {
  await tx.query('delete from survey_tally');
  await tx.query('delete from survey_tally_region');
  await tx.query(
    `insert into survey_tally_region (region_code, month, synthetic, n, ${sums})
     select region_code, month, synthetic, count(*), ${sumOfScores} from survey_response group by 1, 2, 3`,
  );
  await tx.query(
    `insert into survey_tally (region_code, service_id, agency_id, location_id, month, synthetic, n, ${sums})
     select region_code, coalesce(service_id, ''), coalesce(agency_id, ''), coalesce(location_id, ''), month, synthetic,
       count(*), ${sumOfScores}
     from survey_response group by 1, 2, 3, 4, 5, 6`,
  );
}

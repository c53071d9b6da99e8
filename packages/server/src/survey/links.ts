import { randomBytes } from 'node:crypto';
import { checkOrigin } from '../applications/origins.js';
import { sha256Hex } from '../applications/secrets.js';
import type { Queryable } from '../db/index.js';
import { say } from '../messages/index.js';
import { problem } from '../problem.js';
import { type SurveyAbout, type SurveySubject, surveySubject } from './subject.js';

// The one-time link of a survey invitation (migration 024): made when the invitation is sent (an
// e-mail, a webhook), a fresh token each time, only its sha256 kept. It opens the survey of its
// application or visit without the tracking secret, until it expires, and is used up by that
// survey's one response (survey_marker), whichever way the response came.

/** How long an invitation's link works. */
export const SURVEY_LINK_DAYS = 30;
const ttlMs = SURVEY_LINK_DAYS * 86_400_000;

const wellFormed = (token: string) => /^[A-Za-z0-9_-]{20,64}$/.test(token);

/** A new link token for an application's or a booking's survey: 144 random bits; only its hash is kept. */
export async function newSurveyLink(db: Queryable, about: SurveyAbout, now: Date): Promise<string> {
  const token = randomBytes(18).toString('base64url');
  await db.query(
    `insert into survey_link (token_hash, application_id, ticket_id, created_at, expires_at)
     values ($1, $2, $3, $4, $5)`,
    [
      sha256Hex(token),
      'application' in about ? about.application : null,
      'ticket' in about ? about.ticket : null,
      now,
      new Date(now.getTime() + ttlMs),
    ],
  );
  return token;
}

/**
 * The survey page's link (LOKET_SURVEY_URL: `{token}`, and `{region}`, filled in), or null when no
 * survey page is configured. Put the token in the fragment (`…/survei.html#survei={token}`): browsers
 * never send it to a server.
 */
export function surveyLinkUrl(template: string | undefined, token: string, region: string): string | null {
  if (!template) return null;
  return template
    .replaceAll('{token}', encodeURIComponent(token))
    .replaceAll('{region}', encodeURIComponent(region));
}

/** The invitation's link with a fresh token, or null when no survey page is configured. */
export async function newSurveyLinkUrl(
  db: Queryable,
  template: string | undefined,
  about: SurveyAbout,
  region: string,
  now: Date,
): Promise<string | null> {
  return template ? surveyLinkUrl(template, await newSurveyLink(db, about, now), region) : null;
}

/**
 * What a link token opens: its application's or visit's survey. Unknown, malformed or expired:
 * one `404`; a page of another region's site: `403`, as with the secret.
 */
export async function openSurveyLink(
  db: Queryable,
  given: { token: string | undefined; origin: string | undefined; now: Date },
): Promise<SurveySubject> {
  const token = given.token?.trim() ?? '';
  const [row] = wellFormed(token)
    ? await db.query<{ application_id: string | null; ticket_id: string | null }>(
        'select application_id, ticket_id from survey_link where token_hash = $1 and expires_at > $2',
        [sha256Hex(token), given.now],
      )
    : [];
  const about: SurveyAbout | null = row?.application_id
    ? { application: row.application_id }
    : row?.ticket_id
      ? { ticket: row.ticket_id }
      : null;
  const subject = about && (await surveySubject(db, about));
  if (!subject) throw problem('not-found', 404, say('surveyLinkUnknown'));
  await checkOrigin(db, given.origin, subject.where.regionCode);
  return subject;
}

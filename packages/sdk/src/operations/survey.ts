import {
  type AnyRequestOptions,
  type Core,
  get,
  type LoketResult,
  type RequestOptions,
  readJson,
  send,
} from '../core.js';
import { secretHeader } from '../secret.js';
import type {
  BookingCode,
  GetPerformanceQuery,
  KioskSurveyAnswer,
  Performance,
  SurveyAnswer,
  SurveyLinkState,
  SurveyReceipt,
  SurveyState,
  TrackingCode,
} from '../types.js';

// The satisfaction survey (SKM, PermenPANRB 14/2017) and the published index. Answers are not
// retried automatically: a repeat of one that arrived is a `409` (answered once).

type SignalOnly = Pick<RequestOptions, 'signal'>;

/** How an answer is sent: POSTed once, never retried (a repeat of one that arrived is a `409`). */
const once = { method: 'post' as const, retry: 0 };
const linkHeader = (token: string) => ({ 'loket-survey-link': token });

/** `GET /v1/applications/{code}/survey`: `open`, `answered`, or `not_yet` (not decided). */
export async function getApplicationSurvey(
  core: Core,
  code: TrackingCode,
  secret: string,
  options: SignalOnly = {},
): Promise<SurveyState> {
  const request = { path: { code }, headers: secretHeader(secret), ...options };
  return readJson(await send(core, '/v1/applications/{code}/survey', request), options.signal);
}

/** `POST /v1/applications/{code}/survey`: the nine scores (1–4), optional profile and suggestion; once. */
export async function answerApplicationSurvey(
  core: Core,
  code: TrackingCode,
  secret: string,
  answer: SurveyAnswer,
  options: SignalOnly = {},
): Promise<SurveyReceipt> {
  const request = { ...once, path: { code }, json: answer, headers: secretHeader(secret), ...options };
  return readJson(await send(core, '/v1/applications/{code}/survey', request), options.signal);
}

/** `GET /v1/bookings/{code}/survey`: `open` once the visit was served, `answered`, or `not_yet`. */
export async function getBookingSurvey(
  core: Core,
  code: BookingCode,
  secret: string,
  options: SignalOnly = {},
): Promise<SurveyState> {
  const request = { path: { code }, headers: secretHeader(secret), ...options };
  return readJson(await send(core, '/v1/bookings/{code}/survey', request), options.signal);
}

/** `POST /v1/bookings/{code}/survey`: the survey of a served visit, with the booking's secret; once. */
export async function answerBookingSurvey(
  core: Core,
  code: BookingCode,
  secret: string,
  answer: SurveyAnswer,
  options: SignalOnly = {},
): Promise<SurveyReceipt> {
  const request = { ...once, path: { code }, json: answer, headers: secretHeader(secret), ...options };
  return readJson(await send(core, '/v1/bookings/{code}/survey', request), options.signal);
}

/** `GET /v1/survey/link`: what an invitation's one-time link (its token) opens, and whether it was answered. */
export async function getSurveyLink(
  core: Core,
  token: string,
  options: SignalOnly = {},
): Promise<SurveyLinkState> {
  const request = { headers: linkHeader(token), ...options };
  return readJson(await send(core, '/v1/survey/link', request), options.signal);
}

/** `POST /v1/survey/link`: the answers through an invitation's one-time link, without the secret; once. */
export async function answerSurveyLink(
  core: Core,
  token: string,
  answer: SurveyAnswer,
  options: SignalOnly = {},
): Promise<SurveyReceipt> {
  const request = { ...once, json: answer, headers: linkHeader(token), ...options };
  return readJson(await send(core, '/v1/survey/link', request), options.signal);
}

/** `POST /v1/kiosk/survey`: one response on a kiosk, with its token (`Loket-Kiosk`). */
export async function answerKioskSurvey(
  core: Core,
  kioskToken: string,
  answer: KioskSurveyAnswer,
  options: SignalOnly = {},
): Promise<SurveyReceipt> {
  const request = { ...once, json: answer, headers: { 'loket-kiosk': kioskToken } };
  return readJson(await send(core, '/v1/kiosk/survey', { ...request, ...options }), options.signal);
}

/** `GET /v1/performance`: the IKM of a region and period (cells under the minimum unpublished) and the service performance. */
export function getPerformance<O extends AnyRequestOptions = RequestOptions>(
  core: Core,
  query: GetPerformanceQuery,
  options?: O,
): Promise<LoketResult<Performance, O>> {
  return get(core, '/v1/performance', query, options);
}

/** `GET /v1/performance/export`: the same cells as CSV text (the method in `#` lines first). */
export async function exportPerformance(
  core: Core,
  query: GetPerformanceQuery,
  options: SignalOnly = {},
): Promise<string> {
  const searchParams = new URLSearchParams(
    Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const headers = { accept: 'text/csv' };
  const response = await send(core, '/v1/performance/export', { searchParams, headers, ...options });
  return response.text();
}

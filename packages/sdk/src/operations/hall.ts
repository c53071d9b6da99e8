import { type Core, get, type RequestOptions, readJson, send } from '../core.js';
import type {
  CallNextResult,
  CheckInRequest,
  CloseCounterRequest,
  CounterClosure,
  GetHallQuery,
  Hall,
  HallTicket,
  Slug,
  TicketOutcomeRequest,
  WalkInRequest,
} from '../types.js';

// The hall of an MPP, for the officer's counters (methods of `createLoketOfficerClient`'s client,
// exported through officer.ts). None of these is retried: a repeated call-next would call twice.

type SignalOnly = Pick<RequestOptions, 'signal'>;

/** `GET /v1/officer/locations/{id}/hall`: the day's tickets per counter of the officer's agency. */
export function getHall(core: Core, id: Slug, query?: GetHallQuery, options?: SignalOnly): Promise<Hall> {
  return get(core, '/v1/officer/locations/{id}/hall', query, options, { path: { id } });
}

/** `POST /v1/officer/locations/{id}/check-ins`: a booking's code (typed, or the QR code's text) joins today's queue. */
export async function checkIn(
  core: Core,
  id: Slug,
  request: CheckInRequest,
  options: SignalOnly = {},
): Promise<HallTicket> {
  const response = await send(core, '/v1/officer/locations/{id}/check-ins', {
    method: 'post',
    path: { id },
    json: request,
    signal: options.signal,
  });
  return readJson(response, options.signal);
}

/** `POST /v1/officer/locations/{id}/walk-ins`: a number for a person without a booking. */
export async function createWalkIn(
  core: Core,
  id: Slug,
  request: WalkInRequest,
  options: SignalOnly = {},
): Promise<HallTicket> {
  const response = await send(core, '/v1/officer/locations/{id}/walk-ins', {
    method: 'post',
    path: { id },
    json: request,
    signal: options.signal,
  });
  return readJson(response, options.signal);
}

/** `POST …/counters/{counter}/call-next`: the next waiting number to this counter (`called: null` when none). */
export async function callNext(
  core: Core,
  id: Slug,
  counter: Slug,
  options: SignalOnly = {},
): Promise<CallNextResult> {
  const route = '/v1/officer/locations/{id}/counters/{counter}/call-next';
  const response = await send(core, route, { method: 'post', path: { id, counter }, signal: options.signal });
  return readJson(response, options.signal);
}

/** `POST …/tickets/{ticket}/outcome`: a called ticket is `done`, or a `no_show`. */
export async function recordTicketOutcome(
  core: Core,
  id: Slug,
  ticket: string,
  request: TicketOutcomeRequest,
  options: SignalOnly = {},
): Promise<HallTicket> {
  const route = '/v1/officer/locations/{id}/tickets/{ticket}/outcome';
  const response = await send(core, route, {
    method: 'post',
    path: { id, ticket },
    json: request,
    signal: options.signal,
  });
  return readJson(response, options.signal);
}

/** `POST …/counters/{counter}/closures`: closes a counter for a day; its bookings are cancelled and told. */
export async function closeCounter(
  core: Core,
  id: Slug,
  counter: Slug,
  request: CloseCounterRequest,
  options: SignalOnly = {},
): Promise<CounterClosure> {
  const route = '/v1/officer/locations/{id}/counters/{counter}/closures';
  const response = await send(core, route, {
    method: 'post',
    path: { id, counter },
    json: request,
    signal: options.signal,
  });
  return readJson(response, options.signal);
}

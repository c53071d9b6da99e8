import {
  type AnyRequestOptions,
  type Core,
  get,
  type LoketResult,
  type RequestOptions,
  readJson,
  send,
} from '../core.js';
import { idempotentRetry, newIdempotencyKey } from '../idempotency.js';
import { secretHeader } from '../secret.js';
import type {
  Booking,
  BookingCode,
  CreateBookingRequest,
  CreatedBooking,
  ListVisitDaysQuery,
  ListVisitLocationsQuery,
  ListVisitSlotsQuery,
  RegionCode,
  RescheduleBookingRequest,
  Slug,
  VisitDayList,
  VisitLocationList,
  VisitSlotList,
} from '../types.js';

// Visits: book a time at an MPP counter. The booking's secret goes as `Loket-Secret` (never in
// the URL), like an application's. The live queue board is a Server-Sent Events stream
// (`GET /v1/locations/{id}/board`): open it with the browser's EventSource.

type SignalOnly = Pick<RequestOptions, 'signal'>;

/** `GET /v1/regions/{code}/visit-locations`: where a visit can be booked; with `service`, only where a counter serves it. */
export function listVisitLocations<O extends AnyRequestOptions = RequestOptions>(
  core: Core,
  code: RegionCode,
  query?: ListVisitLocationsQuery,
  options?: O,
): Promise<LoketResult<VisitLocationList, O>> {
  return get(core, '/v1/regions/{code}/visit-locations', query, options, { path: { code } });
}

/** `GET /v1/locations/{id}/days`: a calendar of the location for a service (holidays, closures, places left). */
export function listVisitDays(
  core: Core,
  id: Slug,
  query: ListVisitDaysQuery,
  options?: SignalOnly,
): Promise<VisitDayList> {
  return get(core, '/v1/locations/{id}/days', query, options, { path: { id } });
}

/** `GET /v1/locations/{id}/slots`: one day's slots for a service, each with its places left. */
export function listVisitSlots(
  core: Core,
  id: Slug,
  query: ListVisitSlotsQuery,
  options?: SignalOnly,
): Promise<VisitSlotList> {
  return get(core, '/v1/locations/{id}/slots', query, options, { path: { id } });
}

/** Per-call options of `createBooking`. */
export interface BookingOptions {
  signal?: AbortSignal;
  /** The key of this booking; default: a new one. Reuse it to retry a booking whose outcome is unknown. */
  idempotencyKey?: string;
  /** Retries after a network error, a timeout, 408, 429 or 5xx; default: the client's `retry` limit. */
  retry?: number;
}

export interface BookingResult {
  booking: CreatedBooking;
  /** The key that was sent. */
  idempotencyKey: string;
  /** True when the server answered from an earlier request with the same key. */
  replayed: boolean;
}

/**
 * `POST /v1/bookings` with an `Idempotency-Key`, retried with the same key on a network error,
 * a timeout, 408, 429 and 5xx. A full slot, a closed day or a second booking is `409`.
 */
export async function createBooking(
  core: Core,
  request: CreateBookingRequest,
  options: BookingOptions = {},
): Promise<BookingResult> {
  const { signal, idempotencyKey = newIdempotencyKey() } = options;
  const response = await send(core, '/v1/bookings', {
    method: 'post',
    json: request,
    headers: { 'idempotency-key': idempotencyKey },
    signal,
    retry: idempotentRetry(options.retry),
  });
  const booking = await readJson<CreatedBooking>(response, signal);
  return { booking, idempotencyKey, replayed: response.headers.get('idempotent-replayed') === 'true' };
}

/** `GET /v1/bookings/{code}`: the booking and its ticket. */
export async function getBooking(
  core: Core,
  code: BookingCode,
  secret: string,
  options: SignalOnly = {},
): Promise<Booking> {
  const response = await send(core, '/v1/bookings/{code}', {
    path: { code },
    headers: secretHeader(secret),
    ...options,
  });
  return readJson(response, options.signal);
}

/** `DELETE /v1/bookings/{code}`: cancels it (`409` once checked in); cancelling twice is harmless. */
export async function cancelBooking(
  core: Core,
  code: BookingCode,
  secret: string,
  options: SignalOnly = {},
): Promise<Booking> {
  const response = await send(core, '/v1/bookings/{code}', {
    method: 'delete',
    path: { code },
    headers: secretHeader(secret),
    ...options,
  });
  return readJson(response, options.signal);
}

/** `POST /v1/bookings/{code}/reschedule`: another date or time at the same place; unchanged on `409`. */
export async function rescheduleBooking(
  core: Core,
  code: BookingCode,
  secret: string,
  request: RescheduleBookingRequest,
  options: SignalOnly = {},
): Promise<Booking> {
  const response = await send(core, '/v1/bookings/{code}/reschedule', {
    method: 'post',
    path: { code },
    json: request,
    headers: secretHeader(secret),
    ...options,
  });
  return readJson(response, options.signal);
}

import { type Core, get, type RequestOptions, readJson, send } from '../core.js';
import type {
  AnswerComplaintRequest,
  CloseComplaintRequest,
  ComplaintCode,
  DeliveryList,
  ListOfficerComplaintsQuery,
  OfficerComplaint,
  OfficerComplaintList,
} from '../types.js';

// The officer's complaints inbox (methods of `createLoketOfficerClient`'s client): the same
// scope as the application queue.

type SignalOnly = Pick<RequestOptions, 'signal'>;

/** `GET /v1/officer/complaints`: one page of the inbox, open ones first, earliest response date first. */
export function listComplaints(
  core: Core,
  query?: ListOfficerComplaintsQuery,
  options?: SignalOnly,
): Promise<OfficerComplaintList> {
  return get(core, '/v1/officer/complaints', query, options);
}

/** `GET /v1/officer/complaints/{code}`: one complaint with the citizen's contact. */
export function getOfficerComplaint(
  core: Core,
  code: ComplaintCode,
  options?: SignalOnly,
): Promise<OfficerComplaint> {
  return get(core, '/v1/officer/complaints/{code}', undefined, options, { path: { code } });
}

/** `POST /v1/officer/complaints/{code}/answer`: the agency's answer, told to the citizen (`409` once closed). */
export async function answerComplaint(
  core: Core,
  code: ComplaintCode,
  request: AnswerComplaintRequest,
  options: SignalOnly = {},
): Promise<OfficerComplaint> {
  const response = await send(core, '/v1/officer/complaints/{code}/answer', {
    method: 'post',
    path: { code },
    json: request,
    ...options,
  });
  return readJson(response, options.signal);
}

/** `POST /v1/officer/complaints/{code}/close`: ends the follow-up of an answered complaint (`409` before). */
export async function closeComplaint(
  core: Core,
  code: ComplaintCode,
  request: CloseComplaintRequest = {},
  options: SignalOnly = {},
): Promise<OfficerComplaint> {
  const response = await send(core, '/v1/officer/complaints/{code}/close', {
    method: 'post',
    path: { code },
    json: request,
    ...options,
  });
  return readJson(response, options.signal);
}

/**
 * `GET /v1/officer/complaints/{code}/deliveries`: the notifications made of the complaint's events,
 * oldest first, with the recipient masked and never the message.
 */
export function listComplaintDeliveries(
  core: Core,
  code: ComplaintCode,
  options?: SignalOnly,
): Promise<DeliveryList> {
  return get(core, '/v1/officer/complaints/{code}/deliveries', undefined, options, { path: { code } });
}

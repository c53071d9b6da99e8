/// <reference types="node" />
/**
 * Browser commands of the satisfaction survey (spread into commands.ts):
 *
 * - `kioskDevice`: a survey kiosk registered for a location, as `loket-server kiosk add` does: its
 *   id and its token (shown once);
 * - `useKioskMinute`: the kiosk's responses of this minute used up, in the server's own rate
 *   counter (its limit is the real one, LOKET_KIOSK_PER_MINUTE's default, in the test server), so
 *   its next response is refused as the seventh of a minute would be;
 * - `surveyResponses`: what the server stored of the responses of a channel, straight from the
 *   database (the anonymous rows the index is computed from);
 * - `servedBooking`: a booking of the visits server marked served (`done`), as the hall's outcome
 *   leaves it (the hall itself is tested on the server: test/visit-survey.test.ts);
 * - `surveyLinkOf`: a one-time link token of a booking's survey invitation, as the outbox makes it
 *   for an e-mail or webhook.
 */
/// <reference types="@vitest/browser-playwright" />
import type { BrowserCommand } from 'vitest/node';
import { reserve } from '../../server/src/db/counters.js';
import { defaultLimits } from '../../server/src/limits.js';
import { createKiosk } from '../../server/src/survey/kiosk.js';
import { newSurveyLink } from '../../server/src/survey/links.js';
import { normalizeBookingCode } from '../../server/src/visits/present.js';
import { testServer } from './api-server.js';

/** The visits server's clock (global-setup.ts): Monday 11 January 2027, 08:00 WIB. */
const VISITS_NOW = new Date('2027-01-11T01:00:00Z');

const kioskDevice: BrowserCommand<[location: string]> = async (_ctx, location) => {
  const { device, token } = await createKiosk(testServer().db, { name: 'Tablet uji', location }, new Date());
  return { id: device.id, token };
};

const useKioskMinute: BrowserCommand<[id: string]> = async (_ctx, id) => {
  const limit = defaultLimits.kioskPerMinute;
  await reserve(testServer().db, `kiosk:${id}:m`, limit.windowMs, limit.max);
};

export interface StoredResponse {
  service_id: string | null;
  location_id: string | null;
  region_code: string;
  scores: number[];
  age_band: string | null;
  suggestion: string | null;
}

const surveyResponses: BrowserCommand<[channel: 'application' | 'visit' | 'kiosk']> = async (
  _ctx,
  channel,
) => {
  const rows = await testServer(channel === 'visit' ? 'visits' : 'main').db.query<StoredResponse>(
    `select service_id, location_id, region_code, array[u1, u2, u3, u4, u5, u6, u7, u8, u9] as scores,
       age_band, suggestion
     from survey_response where channel = $1 and not synthetic`,
    [channel],
  );
  return rows;
};

const ticketOf = async (code: string) => {
  const [row] = await testServer('visits').db.query<{ id: string }>(
    'select id from visit_ticket where code = $1',
    [normalizeBookingCode(code)],
  );
  if (!row) throw new Error(`no booking ${code}`);
  return row.id;
};

const servedBooking: BrowserCommand<[code: string]> = async (_ctx, code) => {
  await testServer('visits').db.query(
    `update visit_ticket set status = 'done', finished_at = now() where id = $1`,
    [await ticketOf(code)],
  );
};

const surveyLinkOf: BrowserCommand<[code: string]> = async (_ctx, code) =>
  // On the visits server's clock (global-setup.ts): its links expire 30 days after it.
  newSurveyLink(testServer('visits').db, { ticket: await ticketOf(code) }, VISITS_NOW);

export const surveyCommands = { kioskDevice, useKioskMinute, surveyResponses, servedBooking, surveyLinkOf };

declare module 'vitest/browser' {
  interface BrowserCommands {
    kioskDevice(location: string): Promise<{ id: string; token: string }>;
    useKioskMinute(id: string): Promise<void>;
    surveyResponses(channel: 'application' | 'visit' | 'kiosk'): Promise<StoredResponse[]>;
    servedBooking(code: string): Promise<void>;
    surveyLinkOf(code: string): Promise<string>;
  }
}

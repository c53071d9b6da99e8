/// <reference types="node" />
/**
 * Browser commands of the performance tests (spread into commands.ts): what a browser cannot do,
 * done in the main test API's database as the server does it.
 *
 * - `recordSurvey`: `count` survey responses with these nine scores, given at `at` in `region`
 *   for `service` (stored and added to the running sums as a kiosk's answer is);
 * - `insertDecided`: an application submitted and decided at given times, with its due date
 *   (the history the service performance is read from).
 *
 * Every figure the tests see comes from responses and applications written here by the test.
 */
/// <reference types="@vitest/browser-playwright" />
import type { BrowserCommand } from 'vitest/node';
import { recordResponse } from '../../server/src/survey/responses.js';
import { type DecidedSpec, insertDecided as insert } from '../../server/test/helpers/survey.js';
import { testServer } from './api-server.js';

export interface SurveyRecord {
  region: string;
  service: string;
  agency: string;
  /** ISO instant; default: now. */
  at?: string;
  scores: number[];
  count: number;
}

const recordSurvey: BrowserCommand<[record: SurveyRecord]> = async (_ctx, r) => {
  const db = testServer().db;
  for (let i = 0; i < r.count; i++)
    await db.transaction((tx) =>
      recordResponse(
        tx,
        {
          channel: 'kiosk',
          serviceId: r.service,
          agencyId: r.agency,
          regionCode: r.region,
          locationId: null,
          at: r.at ? new Date(r.at) : new Date(),
          scores: r.scores,
        },
        null,
      ),
    );
};

const insertDecided: BrowserCommand<[spec: DecidedSpec]> = async (_ctx, spec) => {
  await insert(testServer().db, spec);
};

export const performanceCommands = { recordSurvey, insertDecided };

declare module 'vitest/browser' {
  interface BrowserCommands {
    recordSurvey(record: SurveyRecord): Promise<void>;
    insertDecided(spec: DecidedSpec): Promise<void>;
  }
}

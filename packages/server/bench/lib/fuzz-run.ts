import fc from 'fast-check';
import { buildApp } from '../../src/app.js';
import { createOfficerToken } from '../../src/applications/officer-tokens.js';
import type { NationalChannel } from '../../src/catalogue/present.js';
import type { Db } from '../../src/db/index.js';
import { type FuzzContext, operations, requestsFor } from '../../test/helpers/fuzz.js';
import { sendAndJudge } from '../../test/helpers/fuzz-judge.js';
import { benchLimits } from './limits.js';

export interface FuzzRun {
  seed: number;
  operations: number;
  perOperation: number;
  requests: number;
  /** How many answers had each status. */
  statuses: Record<string, number>;
  /** Operations that answered 2xx at least once (the fuzzer got past validation). */
  reachedHandlers: number;
  /** 5xx, 4xx not as problem+json, bodies off their schema (the first 20). */
  failures: string[];
  failureCount: number;
  seconds: number;
}

/**
 * The contract-driven fuzzer of test/contract-fuzz.test.ts at bench scale: `perOperation`
 * requests to every operation of the contract, in process, on this engine's bench database.
 */
export async function benchFuzz(
  db: Db,
  channels: NationalChannel[],
  options: { perOperation: number; seed: number },
  log: (message: string) => void,
): Promise<FuzzRun> {
  const app = await buildApp({
    db,
    nationalComplaintChannels: channels,
    responseCache: false,
    limits: benchLimits,
  });
  try {
    const applications: FuzzContext['applications'] = [];
    for (const service of ['ktp-el-hilang', 'ktp-el-hilang', 'skck']) {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/applications',
        payload: { service, region: '33.74' },
      });
      if (response.statusCode === 201) applications.push(response.json());
    }
    const { token } = await createOfficerToken(db, { name: 'Fuzz', agency: 'dukcapil', region: '33.74' });
    const ctx = { applications, officerToken: token };
    log(
      `contract fuzz: ${options.perOperation} requests × ${operations.length} operations (seed ${options.seed})`,
    );
    const started = performance.now();
    const statuses: Record<string, number> = {};
    const reached = new Set<string>();
    const failures: string[] = [];
    for (const [i, op] of operations.entries()) {
      for (const request of fc.sample(requestsFor(op, ctx), {
        numRuns: options.perOperation,
        seed: options.seed + i,
      })) {
        const { status, problems } = await sendAndJudge(app, request);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status < 300) reached.add(op.id);
        failures.push(...problems);
      }
    }
    return {
      seed: options.seed,
      operations: operations.length,
      perOperation: options.perOperation,
      requests: Object.values(statuses).reduce((a, b) => a + b, 0),
      statuses,
      reachedHandlers: reached.size,
      failures: failures.slice(0, 20),
      failureCount: failures.length,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } finally {
    await app.close();
  }
}

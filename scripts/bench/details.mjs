// The Details section of bench/results/latest.md: per engine leg, where the time goes.
import { ENGINE_NAMES, ms, pct, times } from './format.mjs';

/** Markdown lines for every leg that ran. */
export function legDetails(engines, legs) {
  const details = [];
  for (const engine of engines) {
    const leg = legs[engine];
    if (!leg || leg.skipped || leg.error) continue;
    const { load, search, getOne, dbRoundTrip } = leg;
    const parts = Object.entries(search.breakdown)
      .map(([kind, s]) => `${kind} query ${pct(s)}`)
      .join('; ');
    details.push(
      `- **${ENGINE_NAMES[engine]}** (${leg.version.split(' on ')[0]}): ` +
        `catalogue ${load.realServices} real + ${load.syntheticServices} SYNTHETIC services, ${load.overrides} overrides; ` +
        `migrate + seed ${(load.migrateAndSeedMs / 1000).toFixed(1)} s, upsertServices(${load.syntheticServices}) ` +
        `${(load.syntheticUpsertMs / 1000).toFixed(1)} s, analyze ${(load.analyzeMs / 1000).toFixed(1)} s.`,
      `  - Round trip \`select 1\`: ${pct(dbRoundTrip)}.`,
      `  - Search: ${search.queries} queries × ${search.inProcess.n / search.queries} timed passes, ` +
        `${search.queriesWithoutResults} without results, ${search.meanTotal} matches on average. ` +
        `Parts of listServices: ${parts}.`,
      `  - Slowest searches: ${search.slowest.map((s) => `"${s.q}" ${ms(s.ms)} ms (${s.total} matches)`).join(', ')}.`,
      `  - GET one service with the response cache off (every request through validation, the database ` +
        `and serialization): ${Math.round(getOne.noCache.requestsPerSecond)} req/s (${times(getOne.ratioNoCache)} of bare, ` +
        `p50 ${getOne.noCache.latencyMs.p50} / p99 ${getOne.noCache.latencyMs.p99} ms); ` +
        `database part in process (region + service query) ${pct(getOne.dbInProcess)}; ` +
        `HTTP statuses of the search run: ${JSON.stringify(search.httpStatuses)}; ` +
        `autocannon errors + non-2xx cached/uncached/bare ${getOne.real.errors + getOne.real.non2xx}/${getOne.noCache.errors + getOne.noCache.non2xx}/${getOne.bare.errors + getOne.bare.non2xx}.`,
    );
    const apps = leg.applications;
    const { preparation: prep, submit, inProcess, load: use } = apps;
    const seconds = (x) => `${(x / 1000).toFixed(1)} s`;
    details.push(
      `  - Applications (\`${apps.service}\` in ${apps.region}): ${prep.throughApi} made through the API ` +
        `(POST, PATCH answers with If-Match, 2 uploads: ${prep.apiMsPerApplication} ms each), ${prep.cloned} cloned from ` +
        `the first (files through the storage module ${seconds(prep.filesMs)}, SQL ${seconds(prep.sqlMs)}); a clone matched ` +
        `the API's ${prep.cloneChecks.join(', ')}. Measured run: ${prep.measuredApplications} applications (sized for ` +
        `${prep.sizedFor.seconds} s × 1.25 at the last warm-up's ${prep.sizedFor.requestsPerSecond}/s, at most ${prep.sizedFor.max}), ` +
        `${submit.totalRequests} submissions in ${submit.durationSeconds} s; over the first ${submit.fullConcurrency.seconds} s, ` +
        `while all ${apps.connections} connections were busy (before the first had sent its share), ` +
        `${submit.fullConcurrency.requestsPerSecond}/s, ${pct(submit.fullConcurrency.latency)}; ` +
        `warm-ups ${apps.warmups.map((w) => `${w.totalRequests} at ${w.requestsPerSecond}/s`).join(', ')}.`,
      `    - Verified in the database: ${apps.verified.line}; ${apps.verified.submittedInDatabase} submitted in all (every run + ${prep.throughApi} checks).`,
      `    - Busy during the GET / submit runs: the server's event loop ${use.get.serverEventLoop} / ${use.submit.serverEventLoop}, ` +
        `the machine's CPUs ${use.get.machineCpu} / ${use.submit.machineCpu} (1 = saturated).`,
      `    - One submission in process, one at a time (${inProcess.submissions}: the secret check's read + submitApplication): ` +
        `${pct(inProcess.total)}; ${inProcess.queriesPerSubmit} queries taking ${inProcess.queryMsPerSubmit} ms, ` +
        `${inProcess.otherMsPerSubmit} ms besides (JavaScript, BEGIN/COMMIT); by query: ` +
        `${inProcess.queries.map((q) => `${q.query} ×${q.perSubmit} ${q.msPerSubmit} ms`).join(', ')}; ` +
        `an empty transaction (BEGIN, select 1, COMMIT) ${pct(inProcess.emptyTransaction)}.`,
      `    - The server's thread during a separate submit run under the CPU profiler (${apps.cpuProfile.submissions} at ` +
        `${apps.cpuProfile.requestsPerSecond}/s): ${apps.cpuProfile.shares.map((c) => `${c.part} ${c.percent} %`).join(', ')}.`,
    );
  }
  return details;
}

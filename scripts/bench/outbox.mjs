// The outbox rows of bench/results/latest.md and their details (packages/server/bench/outbox.ts
// measures them, once per engine): e-mail delivery while submissions run, the lag from commit to
// the SMTP receiver, and the count per delivery id after a SIGKILL mid-delivery.
import { ENGINE_NAMES, ms, pct, times, verdict } from './format.mjs';

const NO_TARGET = 'none set';
const CRASH_TARGET = '0 lost; one delivery per event; 0 duplicates after dedupe by delivery id';

/** Did the crash run keep the promise? Every committed event has one delivery, each received. */
export const crashOk = (c) =>
  c.midDelivery &&
  c.perDelivery.lost === 0 &&
  c.perDelivery.unexpected === 0 &&
  c.perDelivery.distinct === c.perDelivery.expected &&
  c.deliveries === c.events &&
  c.events === c.committed &&
  c.deliveryStatuses.delivered === c.deliveries;

/** `{ rows, targets }` for every engine the outbox leg ran on. */
export function outboxRows(engines, legs) {
  const rows = [];
  const targets = [];
  const labels = [
    'Outbox: e-mail delivery while submissions run (each submission one e-mail, to a real SMTP receiver)',
    'Outbox: lag from commit to the SMTP receiver accepting the e-mail (same run)',
    'Outbox: SIGKILL of the server mid-delivery, restart, count per delivery id at the receiver',
  ];
  for (const engine of engines) {
    const name = ENGINE_NAMES[engine];
    const leg = legs[engine];
    if (!leg || leg.skipped || leg.error) {
      const why = leg?.skipped ?? leg?.error ?? 'not run';
      const result = leg?.skipped ? 'SKIPPED' : 'ERROR';
      for (const [i, what] of labels.entries()) {
        rows.push([what, name, why, '—', '—', i === 2 ? CRASH_TARGET : NO_TARGET, result]);
        targets.push({
          engine,
          benchmark: what,
          target: i === 2 ? CRASH_TARGET : null,
          result: result.toLowerCase(),
        });
      }
      continue;
    }
    const t = leg.throughput;
    const c = leg.crash;
    const d = c.perDelivery;
    const submitText = `submissions: ${t.submissionsPerSecond}/s (${t.submitted} in ${t.submitSeconds} s, ${leg.config.connections} conn), ${pct(t.submitLatency)}`;
    const ok = crashOk(c);
    rows.push(
      [
        `${labels[0]}, ${leg.config.connections} conn`,
        name,
        `${t.deliveriesPerSecond} e-mails/s (${t.distinctEmails} e-mails, first submission to last e-mail); ` +
          `${t.deliveriesPerSecondDuringSubmissions}/s while the submissions ran; the rest ${t.drainSeconds} s after the last response`,
        submitText,
        times(t.deliveriesPerSecond / t.submissionsPerSecond),
        NO_TARGET,
        '—',
      ],
      [
        labels[1],
        name,
        `from the response (after the commit): ${pct(t.lagFromResponseMs)} (n=${t.lagFromResponseMs.n}, max ${ms(t.lagFromResponseMs.max)} ms)`,
        `from the event's timestamp (taken before the commit): ${pct(t.lagFromEventMs)}`,
        '—',
        NO_TARGET,
        '—',
      ],
      [
        labels[2],
        name,
        `${d.lost} lost, ${d.distinct} distinct delivery ids of ${d.expected} expected (${c.events} events of ${c.committed} committed submissions); ` +
          `${d.rawReceipts} raw receipts: ${d.duplicatedIds} ids received twice or more (${d.extraCopies} extra copies, same Message-ID)`,
        `killed with ${c.receivedAtKill} e-mails received${c.midDelivery ? ' (mid-delivery)' : ' (NOT mid-delivery)'}; ` +
          `restarted, lease ${c.leaseMs} ms; all ${c.deliveryStatuses.delivered} delivered ${c.secondsAfterRestart} s after`,
        '—',
        CRASH_TARGET,
        verdict(ok),
      ],
    );
    targets.push(
      { engine, benchmark: 'outbox-throughput', target: null, result: 'no target' },
      { engine, benchmark: 'outbox-lag-p95', target: null, result: 'no target' },
      { engine, benchmark: 'outbox-crash', target: CRASH_TARGET, result: verdict(ok) },
    );
  }
  return { rows, targets };
}

/** Markdown lines for the Details. */
export function outboxDetails(engines, legs) {
  const lines = [];
  for (const engine of engines) {
    const leg = legs[engine];
    if (!leg || leg.skipped || leg.error) continue;
    const { throughput: t, crash: c } = leg;
    lines.push(
      `- **${ENGINE_NAMES[engine]}**: \`dist/cli.js serve\` as deployed (LOKET_OUTBOX_POLL_MS 1000, batches of 10, one SMTP ` +
        `connection per e-mail; rate limits counted but out of reach), its e-mail to a real SMTP server in the bench process. ` +
        `${t.applications} cloned \`ktp-el-hilang\` applications with an e-mail answer submitted with ${leg.config.connections} ` +
        `connections (statuses ${JSON.stringify(t.statuses)}, errors ${t.errors}); ${t.emails} e-mails received, ${t.distinctEmails} distinct.`,
      `  - Crash run: ${c.applications} applications submitted with ${leg.config.connections} connections; SIGKILL once ` +
        `${c.receivedAtKill} of their e-mails had arrived (${c.answered} submissions answered, ${c.clientErrors} cut off by the kill); ` +
        `afterwards the database has ${c.committed} submitted, ${c.events} events (${c.eventsNotFannedOut} not fanned out), ` +
        `${c.deliveries} deliveries (${JSON.stringify(c.deliveryStatuses)}, at most ${c.maxAttempts} attempts; ` +
        `${c.reclaimed ?? 0} claimed again after the restart, their lease held by the killed process; ` +
        `${c.connectionsCut ?? 0} SMTP connections cut off by the kill). ` +
        `At the receiver: ${JSON.stringify(c.perDelivery)}.`,
    );
  }
  return lines;
}

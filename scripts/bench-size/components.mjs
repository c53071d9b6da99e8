// The components whose first load is measured, with their targets.

/**
 * The components whose first load `pnpm bench` measures, with their targets in KiB of gzip.
 * One line per component; `source` defaults to src/components/<tag>/<tag>.tsx and `dictionary`
 * (its Indonesian strings) to src/components/<tag>/messages/id.ts.
 *
 * `runtimeShared`: the target counts the first load beyond the Stencil runtime (loader + runtime
 * chunk), which a page loads once for all its components (issue 6: "runtime shared"); the
 * finder's target counts the runtime too. Both figures are always reported. The targets are
 * issue 14's (finder 18 KiB with the runtime, form 22 and tracker 12 beyond it); issue 16's
 * booking and board were measured when they came (16.8 and 4.1 KiB) and given a little room.
 */
export const COMPONENTS = [
  { tag: 'loket-service-finder', targetKiB: 18, runtimeShared: false },
  { tag: 'loket-application-form', targetKiB: 22, runtimeShared: true },
  { tag: 'loket-status-tracker', targetKiB: 12, runtimeShared: true },
  { tag: 'loket-visit-booking', targetKiB: 17.5, runtimeShared: true },
  { tag: 'loket-queue-board', targetKiB: 5, runtimeShared: true },
  { tag: 'loket-satisfaction-survey', targetKiB: 10, runtimeShared: true },
  { tag: 'loket-service-performance', targetKiB: 10, runtimeShared: true },
];

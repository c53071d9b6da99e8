import type { ApplicationStatus } from '@loket/sdk';
import { isFinal } from '@loket/sdk/rules';

/**
 * When the tracker asks the API again. A status changes a few times over days, so asking often
 * wastes a citizen's data plan and the server: every 30 s at first, twice as long after each
 * answer that changed nothing (or failed), at most every 10 minutes; back to 30 s after a change.
 * Nothing while the page is hidden; at once when it is shown again; never after a final status.
 */
export const FIRST_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 600_000;

/** What one check found. */
export type Outcome = 'changed' | 'same' | 'failed';

/**
 * What a check found: `next` against what was shown (`before`). A new history entry is a change
 * too; a final status (`isFinal` of `@loket/sdk/rules`) can change no more.
 */
export function outcomeOf(before: ApplicationStatus, next: ApplicationStatus): Outcome | 'final' {
  if (isFinal(next.status)) return 'final';
  const changed = next.status !== before.status || next.history.length !== before.history.length;
  return changed ? 'changed' : 'same';
}

/** The wait before the next check, after a check that waited `delay` and found `outcome`. */
export function nextDelay(delay: number, outcome: Outcome): number {
  return outcome === 'changed' ? FIRST_DELAY_MS : Math.min(delay * 2, MAX_DELAY_MS);
}

/** The timer functions (the window's; fake ones in tests). */
export interface Clock {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const windowClock: Clock = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Runs `check` on the schedule above, never two at once. `check` resolves to what it found, or
 * to `'final'` when the status can no longer change (the schedule then stops).
 */
export class RefreshSchedule {
  /** The wait before the next check, in ms; `null` when stopped. */
  delay: number | null = null;
  private handle: unknown;
  private running: Promise<void> | null = null;
  private hidden = false;
  /** Bumped by `stop`: a check still in flight from before must not re-arm the timer. */
  private generation = 0;

  constructor(
    private readonly check: () => Promise<Outcome | 'final'>,
    private readonly clock: Clock = windowClock,
  ) {}

  /** Starts over: the next check in 30 s (nothing if `final`). */
  start(final = false): void {
    this.stop();
    if (final) return;
    this.delay = FIRST_DELAY_MS;
    this.arm();
  }

  stop(): void {
    this.generation += 1;
    this.running = null;
    this.clock.clear(this.handle);
    this.handle = undefined;
    this.delay = null;
  }

  /** Checks now (a "Perbarui" click, the page shown again), then goes on from what it found. */
  now(): Promise<void> {
    if (this.running) return this.running;
    this.clock.clear(this.handle);
    const generation = this.generation;
    this.running = this.check()
      .catch((): Outcome => 'failed')
      .then((outcome) => {
        if (generation !== this.generation) return;
        this.running = null;
        if (outcome === 'final') return this.stop();
        this.delay = nextDelay(this.delay ?? FIRST_DELAY_MS, outcome);
        this.arm();
      });
    return this.running;
  }

  /** The page was hidden (`false`) or shown (`true`): pause, or check at once and go on. */
  visible(shown: boolean): void {
    this.hidden = !shown;
    if (this.delay === null) return;
    if (shown) void this.now();
    else this.clock.clear(this.handle);
  }

  private arm() {
    this.clock.clear(this.handle);
    if (this.hidden || this.delay === null) return;
    this.handle = this.clock.set(() => void this.now(), this.delay);
  }
}

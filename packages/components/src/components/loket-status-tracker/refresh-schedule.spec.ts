import { describe, expect, it } from 'vitest';
import {
  type Clock,
  FIRST_DELAY_MS,
  MAX_DELAY_MS,
  nextDelay,
  type Outcome,
  outcomeOf,
  RefreshSchedule,
} from './refresh-schedule';

describe('nextDelay', () => {
  it('doubles while nothing changes, up to 10 minutes', () => {
    const delays = [FIRST_DELAY_MS];
    for (let i = 0; i < 7; i++) delays.push(nextDelay(delays.at(-1) as number, 'same'));
    expect(delays.map((ms) => ms / 1000)).toEqual([30, 60, 120, 240, 480, 600, 600, 600]);
  });

  it('backs off after a failure too, and goes back to 30 s after a change', () => {
    expect(nextDelay(120_000, 'failed')).toBe(240_000);
    expect(nextDelay(MAX_DELAY_MS, 'failed')).toBe(MAX_DELAY_MS);
    expect(nextDelay(480_000, 'changed')).toBe(FIRST_DELAY_MS);
  });
});

describe('outcomeOf', () => {
  const status = (code: string, entries: number) =>
    ({ status: code, history: Array.from({ length: entries }, () => ({})) }) as never;

  it('is a change when the status or the history changed, final when it can change no more', () => {
    expect(outcomeOf(status('submitted', 2), status('submitted', 2))).toBe('same');
    expect(outcomeOf(status('submitted', 2), status('in_review', 3))).toBe('changed');
    expect(outcomeOf(status('in_review', 3), status('in_review', 4))).toBe('changed');
    expect(outcomeOf(status('in_review', 3), status('completed', 4))).toBe('final');
  });
});

/** A clock whose time only moves when the test says so; at most one timer is ever pending. */
function fakeClock() {
  let pending: { run: () => void; at: number } | null = null;
  let now = 0;
  const clock: Clock = {
    set: (run, ms) => {
      pending = { run, at: now + ms };
      return pending;
    },
    clear: (handle) => {
      if (handle === pending) pending = null;
    },
  };
  return {
    clock,
    /** The wait of the pending timer, or null. */
    get wait() {
      return pending ? pending.at - now : null;
    },
    /** Fires the pending timer (moving time to it). */
    fire() {
      if (!pending) throw new Error('no timer pending');
      const { run, at } = pending;
      pending = null;
      now = at;
      run();
    },
  };
}

/** A check that answers from `answers` in turn and counts its calls. */
function checks(...answers: (Outcome | 'final' | Error)[]) {
  const fn = async () => {
    fn.calls += 1;
    const answer = answers.shift() ?? 'same';
    if (answer instanceof Error) throw answer;
    return answer;
  };
  fn.calls = 0;
  return fn;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('RefreshSchedule', () => {
  it('checks after 30 s, then waits twice as long while nothing changes, back to 30 s after a change', async () => {
    const time = fakeClock();
    const check = checks('same', 'same', 'changed', 'same');
    const schedule = new RefreshSchedule(check, time.clock);
    schedule.start();
    const waits: (number | null)[] = [time.wait];
    for (let i = 0; i < 4; i++) {
      time.fire();
      await settle();
      waits.push(time.wait);
    }
    expect(check.calls).toBe(4);
    expect(waits).toEqual([30_000, 60_000, 120_000, 30_000, 60_000]);
  });

  it('backs off after failures (a thrown error counts as one) and keeps going', async () => {
    const time = fakeClock();
    const check = checks('failed', new Error('offline'), 'same');
    const schedule = new RefreshSchedule(check, time.clock);
    schedule.start();
    for (let i = 0; i < 3; i++) {
      time.fire();
      await settle();
    }
    expect(time.wait).toBe(240_000);
  });

  it('stops at a final status, and does not start for one', async () => {
    const time = fakeClock();
    const schedule = new RefreshSchedule(checks('final'), time.clock);
    schedule.start();
    time.fire();
    await settle();
    expect(time.wait).toBeNull();
    expect(schedule.delay).toBeNull();
    schedule.start(true);
    expect(time.wait).toBeNull();
  });

  it('pauses while the page is hidden and checks at once when it is shown again', async () => {
    const time = fakeClock();
    const check = checks('same', 'same');
    const schedule = new RefreshSchedule(check, time.clock);
    schedule.start();
    schedule.visible(false);
    expect(time.wait).toBeNull();
    expect(check.calls).toBe(0);
    schedule.visible(true);
    await settle();
    expect(check.calls).toBe(1);
    expect(time.wait).toBe(60_000);
  });

  it('starts paused when the page is hidden from the beginning', async () => {
    const time = fakeClock();
    const schedule = new RefreshSchedule(checks(), time.clock);
    schedule.visible(false);
    schedule.start();
    expect(time.wait).toBeNull();
    schedule.visible(true);
    await settle();
    expect(time.wait).toBe(60_000);
  });

  it('runs one check at a time: a click during a check shares it', async () => {
    const time = fakeClock();
    let release: (outcome: Outcome) => void = () => {};
    let calls = 0;
    const schedule = new RefreshSchedule(
      () =>
        new Promise<Outcome>((resolve) => {
          calls += 1;
          release = resolve;
        }),
      time.clock,
    );
    schedule.start();
    const first = schedule.now();
    const second = schedule.now();
    expect(second).toBe(first);
    expect(time.wait).toBeNull(); // no timer while checking
    release('changed');
    await first;
    expect(calls).toBe(1);
    expect(time.wait).toBe(30_000);
  });

  it('ignores a check that was still running when it was stopped (another application is shown)', async () => {
    const time = fakeClock();
    let release: (outcome: Outcome) => void = () => {};
    const schedule = new RefreshSchedule(
      () =>
        new Promise<Outcome>((resolve) => {
          release = resolve;
        }),
      time.clock,
    );
    schedule.start();
    const stale = schedule.now();
    schedule.stop();
    release('same');
    await stale;
    expect(time.wait).toBeNull();
    expect(schedule.delay).toBeNull();
  });
});

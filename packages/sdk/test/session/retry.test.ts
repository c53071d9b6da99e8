import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRetry } from '../../src/session/retry.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createRetry', () => {
  it('waits 2 s, then twice as long after each failure, at most 30 s', () => {
    const job = vi.fn();
    const retry = createRetry(job);
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const before = Date.now();
      retry.later();
      vi.runOnlyPendingTimers();
      waits.push(Date.now() - before);
    }
    expect(waits).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(job).toHaveBeenCalledTimes(6);
  });

  it('runs once however often it is asked before the time comes', () => {
    const job = vi.fn();
    const retry = createRetry(job);
    retry.later();
    retry.later();
    vi.advanceTimersByTime(2_000);
    expect(job).toHaveBeenCalledTimes(1);
  });

  it('now() runs at once (the network is back) and cancels the wait; reset() starts again at 2 s', () => {
    const job = vi.fn();
    const retry = createRetry(job);
    retry.later();
    retry.now();
    expect(job).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60_000);
    expect(job).toHaveBeenCalledTimes(1);
    retry.later(); // 4 s now
    retry.stop();
    retry.reset();
    retry.later();
    vi.advanceTimersByTime(2_000);
    expect(job).toHaveBeenCalledTimes(2);
  });
});

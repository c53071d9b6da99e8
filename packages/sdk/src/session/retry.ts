/** The first wait after a failure, doubled after each further failure up to MAX_DELAY. */
export const FIRST_DELAY = 2_000;
export const MAX_DELAY = 30_000;

export interface Retry {
  /** Runs the job after the current delay (once, however often it is asked), then doubles the delay. */
  later(): void;
  /** Runs the job now (the network came back), keeping the delay. */
  now(): void;
  /** After a success: the next failure waits FIRST_DELAY again. */
  reset(): void;
  stop(): void;
}

/** Retries `job` with exponential backoff, 2 s doubling to 30 s: kind to a network that is down. */
export function createRetry(job: () => void): Retry {
  let delay = FIRST_DELAY;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  return {
    later() {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        job();
      }, delay);
      delay = Math.min(delay * 2, MAX_DELAY);
    },
    now() {
      cancel();
      job();
    },
    reset() {
      delay = FIRST_DELAY;
    },
    stop: cancel,
  };
}

import { reserve } from '../db/counters.js';
import type { Queryable } from '../db/index.js';

/** A run of places in a key's shared count that this instance holds and hands out one by one. */
interface Held {
  /** The next place to hand out. */
  next: number;
  /** The last place held. */
  last: number;
  /** When the database's window ends, on this instance's clock (ms since the epoch). */
  endsAt: number;
  /** A reservation under way: later hits wait for it instead of reserving again. */
  pending?: Promise<void>;
}

export interface Place {
  /** This hit's place in the key's window, over every instance (the plugin refuses above `max`). */
  current: number;
  ttl: number;
}

/** At most this many places are held ahead by one instance for one key. */
const MOST_AHEAD = 256;

/**
 * Counts hits per key for the rate limits with one database write per *run* of hits instead of
 * one per hit: an instance reserves a run of places in the shared `rate_counter` (one upsert) and
 * hands them out in memory. Each hit still gets an exact place in the count over all instances,
 * so the limit is never exceeded; the run is an eighth of what is left below the limit (at most
 * MOST_AHEAD), so near the limit every hit goes to the database again and several instances
 * refuse at the same place. Places an instance held but did not use before its window ended
 * were counted as used: stricter, never looser (a client whose hits stop arriving at one instance
 * can be refused up to that instance's last run early, an eighth of what was left at most).
 */
export class ReservingCounter {
  private readonly held = new Map<string, Held>();

  constructor(
    private readonly db: Queryable,
    private readonly now: () => number = Date.now,
  ) {}

  /** A place from the run held in memory, if one is left: no promise, no database. */
  hitHeld(key: string): Place | undefined {
    const held = this.held.get(key);
    if (!held || held.pending || held.next > held.last) return undefined;
    const now = this.now();
    if (now >= held.endsAt) return undefined;
    return { current: held.next++, ttl: held.endsAt - now };
  }

  async hit(key: string, windowMs: number, max: number): Promise<Place> {
    for (;;) {
      const held = this.held.get(key);
      if (held?.pending) {
        await held.pending;
        continue;
      }
      const place = this.hitHeld(key);
      if (place) return place;
      const now = this.now();
      const known = held && now < held.endsAt ? held.last : 0;
      const run = Math.min(MOST_AHEAD, Math.max(1, Math.floor((max - known) / 8)));
      const entry: Held = { next: 1, last: 0, endsAt: 0 };
      // The window is taken to end `ttlMs` after the question was sent: never later than it does.
      entry.pending = reserve(this.db, key, windowMs, run).then(
        ({ hits, ttlMs }) => {
          entry.next = hits - run + 1;
          entry.last = hits;
          entry.endsAt = now + ttlMs;
          entry.pending = undefined;
        },
        (error: unknown) => {
          this.held.delete(key);
          throw error;
        },
      );
      this.held.set(key, entry);
      await entry.pending;
    }
  }

  /** Forgets keys whose window ended (their places can no longer be handed out). */
  sweep(): number {
    const now = this.now();
    let gone = 0;
    for (const [key, held] of this.held) {
      if (!held.pending && now >= held.endsAt) {
        this.held.delete(key);
        gone += 1;
      }
    }
    return gone;
  }
}

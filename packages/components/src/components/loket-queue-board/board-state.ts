import type { BoardCall } from '@loket/sdk';

/**
 * What the hall's screen shows: the number called last at each counter, and the latest calls
 * (newest first). Calls arrive over SSE with increasing ids; one already seen (a replay after a
 * reconnection the server did not trim, a duplicate delivery) changes nothing, so no call is
 * shown or announced twice.
 */
export class BoardState {
  /** The id of the latest call applied (for `Last-Event-ID`), or null before the first. */
  lastId: string | null = null;
  readonly current = new Map<string, BoardCall>();
  recent: BoardCall[] = [];

  constructor(private readonly keep = 6) {}

  /** Applies a call; false when it was seen already (its id is not after the last one). */
  apply(call: BoardCall): boolean {
    if (this.lastId !== null && !after(call.id, this.lastId)) return false;
    this.lastId = call.id;
    this.current.set(call.counter.id, call);
    this.recent = [call, ...this.recent].slice(0, this.keep);
    return true;
  }

  /** The counters that have called someone, by their label ("Loket 2" before "Loket 10"). */
  counters(): BoardCall[] {
    const collator = new Intl.Collator('id', { numeric: true });
    return [...this.current.values()].sort((a, b) => collator.compare(a.counter.label, b.counter.label));
  }
}

/** Whether decimal id `a` comes after `b` (ids may exceed 2^53: compared as digit strings). */
export function after(a: string, b: string): boolean {
  const x = a.replace(/^0+/, '');
  const y = b.replace(/^0+/, '');
  return x.length !== y.length ? x.length > y.length : x > y;
}

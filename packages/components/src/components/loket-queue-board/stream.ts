import type { BoardCall } from '@loket/sdk';

export type StreamState = 'connecting' | 'live' | 'reconnecting';

/**
 * The board's Server-Sent Events connection to `GET /v1/locations/{id}/board`. The browser's
 * EventSource reconnects by itself after a dropped connection, sending `Last-Event-ID`; when it
 * gives up (an HTTP error answer, or the server went away between retries), a new EventSource
 * is opened after a growing pause with `?last_event_id=` (EventSource cannot set the header),
 * so the calls made meanwhile arrive once, none missed.
 */
export class BoardStream {
  private source?: EventSource;
  private timer?: ReturnType<typeof setTimeout>;
  private pause = 1_000;
  private stopped = false;

  constructor(
    private readonly url: URL,
    private readonly lastId: () => string | null,
    private readonly onCall: (call: BoardCall) => void,
    private readonly onState: (state: StreamState) => void,
  ) {}

  start(): void {
    this.stopped = false;
    const url = new URL(this.url);
    const last = this.lastId();
    if (last) url.searchParams.set('last_event_id', last);
    const source = new EventSource(url);
    this.source = source;
    source.addEventListener('open', () => {
      this.pause = 1_000;
      this.onState('live');
    });
    source.addEventListener('call', (event) => {
      try {
        this.onCall(JSON.parse((event as MessageEvent<string>).data) as BoardCall);
      } catch {
        // Not a call the board can read: skipped.
      }
    });
    source.addEventListener('error', () => {
      if (this.stopped || source !== this.source) return;
      this.onState('reconnecting');
      if (source.readyState !== EventSource.CLOSED) return; // the browser retries by itself
      this.timer = setTimeout(() => this.start(), this.pause);
      this.pause = Math.min(this.pause * 2, 30_000);
    });
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.source?.close();
    this.source = undefined;
  }
}

/** The stream's URL under the API base (`https://api…/` + `v1/locations/{id}/board`). */
export function boardUrl(apiBase: string, location: string): URL {
  const base = new URL(apiBase, document.baseURI);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return new URL(`v1/locations/${encodeURIComponent(location)}/board`, base);
}

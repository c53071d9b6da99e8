import type { BoardCall } from '@loket/sdk';
import { Component, Element, Host, h, Prop, State, Watch } from '@stencil/core';
import { fill, type Locale, localeOf } from '../../i18n';
import { announcer, LiveRegion } from '../../kit/live-region';
import { watchLocale } from '../../kit/locale';
import { configValue } from '../../utils/config';
import { BoardState } from './board-state';
import { type BoardMessages, boardText } from './messages';
import { BoardStream, boardUrl, type StreamState } from './stream';

/**
 * The hall's screen: the number called last at each counter, and the latest calls, live over
 * Server-Sent Events. It reconnects by itself after a dropped connection and shows each call
 * once (none missed, none repeated); each new call is said in its live region. Large type and
 * high contrast by default, to be read from across a room.
 *
 * @part base - The whole board. @part heading - Its heading. @part counters - The counters' list.
 * @part counter - One counter. @part counter-label - A counter's label. @part number - A counter's number.
 * @part latest - The counter called last. @part recent - The latest calls. @part connection - The connection's state.
 * @part empty - No number called yet.
 */
@Component({
  tag: 'loket-queue-board',
  styleUrls: ['../../kit/base.css', 'loket-queue-board.css'],
  shadow: true,
})
export class LoketQueueBoard {
  @Element() el!: HTMLElement;

  /** Base URL of the Loket API; falls back to `data-loket-api-base` on an ancestor or `<meta name="loket-api-base">`. */
  @Prop() apiBase?: string;
  /** The location whose hall this is (its id, e.g. `mpp-surabaya-siola`). */
  @Prop() location!: string;
  /** A heading above the board, e.g. the location's name; default: "Nomor antrean dipanggil". */
  @Prop() heading?: string;

  @State() locale: Locale = 'id';
  @State() connection: StreamState = 'connecting';
  @State() version = 0;
  @State() announcement = '';

  private board = new BoardState();
  private stream?: BoardStream;
  private say = announcer((text) => (this.announcement = text));
  private unwatchLocale?: () => void;
  /** Calls made before the board opened are shown, not announced as new. */
  private openedAt = Date.now();

  get t(): BoardMessages {
    return boardText.get(this.locale);
  }

  connectedCallback() {
    this.locale = localeOf(this.el);
    this.unwatchLocale = watchLocale(this.el, boardText, (next) => (this.locale = next));
    if (this.stream) this.connect();
  }

  disconnectedCallback() {
    this.unwatchLocale?.();
    this.stream?.stop();
  }

  async componentWillLoad() {
    await boardText.load(this.locale);
    this.connect();
  }

  @Watch('location')
  @Watch('apiBase')
  protected connect() {
    this.stream?.stop();
    const base = configValue(this.el, 'api-base', this.apiBase);
    if (!base || !this.location) throw new Error('<loket-queue-board> needs api-base and location.');
    this.board = new BoardState();
    this.version += 1;
    this.connection = 'connecting';
    this.stream = new BoardStream(
      boardUrl(base, this.location),
      () => this.board.lastId,
      this.onCall,
      (state) => {
        this.connection = state;
      },
    );
    this.stream.start();
  }

  private onCall = (call: BoardCall) => {
    if (!this.board.apply(call)) return;
    this.version += 1;
    if (Date.parse(call.at) >= this.openedAt - 5_000)
      this.say(fill(this.t.called, { number: call.number, counter: call.counter.label }));
  };

  render() {
    const t = this.t;
    const counters = this.board.counters();
    const latest = this.board.recent[0];
    return (
      <Host>
        <section
          class="board"
          part="base"
          lang={this.locale}
          aria-labelledby="loket-board-heading"
          data-version={this.version}
        >
          <LiveRegion text={this.announcement} />
          <header>
            <h2 id="loket-board-heading" part="heading">
              {this.heading || t.heading}
            </h2>
            <p class={`connection ${this.connection}`} part="connection">
              {this.connection === 'live'
                ? t.live
                : this.connection === 'connecting'
                  ? t.connecting
                  : t.reconnecting}
            </p>
          </header>
          {counters.length === 0 ? (
            <p class="empty" part="empty">
              {t.empty}
            </p>
          ) : (
            <ul class="counters" part="counters">
              {counters.map((c) => (
                <li
                  class={{ counter: true, latest: c === latest }}
                  part={c === latest ? 'counter latest' : 'counter'}
                >
                  <span class="counter-label" part="counter-label">
                    {c.counter.label}
                  </span>
                  <span class="number" part="number">
                    <span class="visually-hidden">{t.number} </span>
                    {c.number}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {this.board.recent.length > 1 && (
            <section class="recent" part="recent" aria-labelledby="loket-recent-heading">
              <h3 id="loket-recent-heading">{t.recent}</h3>
              <ol>
                {this.board.recent.slice(1).map((c) => (
                  <li>
                    <span class="recent-number">{c.number}</span> <span aria-hidden="true">→</span>
                    <span class="visually-hidden">{t.counter}</span> {c.counter.label}
                  </li>
                ))}
              </ol>
            </section>
          )}
        </section>
      </Host>
    );
  }
}

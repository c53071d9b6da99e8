import type { LoketCore, ServiceSummary } from '@loket/sdk';
import type { Locale } from '../../i18n';
import type { FinderMessages } from './messages';
import type { Suggestions } from './suggestions';

/** What the search box shows of the suggestions (the ARIA APG combobox's state). */
export interface Combo {
  items: ServiceSummary[];
  expanded: boolean;
  /** The option aria-activedescendant points at; -1 for none. */
  active: number;
}

export const NO_SUGGESTIONS: Combo = { items: [], expanded: false, active: -1 };

/** What the suggestions read and change on the finder. */
export interface SuggestionsHost {
  /** The text in the search box. */
  input: string;
  combo: Combo;
  readonly core: LoketCore;
  readonly locale: Locale;
  readonly t: FinderMessages;
  announce(text: string): void;
  /** Opens a service (the citizen picked its suggestion). */
  open(slug: string): void;
}

/**
 * The search box's suggestions as the finder holds them. Their code (suggestions.ts) is not in
 * the first load: it comes when the search box gets focus, or with the first key typed. Until it
 * is there, typing fills the box and Escape empties it, as with it (there is nothing to move
 * through yet); what was typed meanwhile gets its suggestions once it arrives.
 */
export class LazySuggestions {
  private code?: Suggestions;
  private loading?: Promise<Suggestions | undefined>;

  constructor(private readonly host: SuggestionsHost) {}

  /** Loads the suggestions' code: once (again after a failed load). */
  load = () =>
    (this.loading ??= import('./suggestions').then(
      ({ Suggestions }) => (this.code = new Suggestions(this.host)),
      () => (this.loading = undefined),
    ));

  /** The citizen typed `value`. */
  input = (value: string) => {
    if (this.code) return this.code.input(value);
    this.host.input = value;
    void this.load().then((code) => value === this.host.input && code?.input(value));
  };

  keyDown = (event: KeyboardEvent) => {
    if (this.code) return this.code.keyDown(event);
    if (event.key === 'Escape' && this.host.input) {
      event.preventDefault();
      this.input('');
    }
  };

  pick = (item: ServiceSummary) => this.code?.pick(item);

  close = () => this.code?.close();

  /** Drops what is pending: a search starts, or the finder leaves the page. */
  stop() {
    this.code?.stop();
  }
}

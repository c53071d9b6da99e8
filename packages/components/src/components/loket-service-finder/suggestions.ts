import { listServices, type ServiceSummary } from '@loket/sdk';
import { plural } from '../../i18n';
import { Latest } from '../../kit/api';
// Types only from combo.ts: a value from the finder's own chunk would split that chunk in two.
import type { Combo, SuggestionsHost } from './combo';

const SUGGEST_DELAY_MS = 250;

/**
 * The search box's suggestions: fetched after a pause in typing (an older request is cancelled),
 * moved through with the arrow keys, picked with Enter or a click, closed with Escape. Loaded on
 * demand (combo.ts).
 */
export class Suggestions {
  private timer?: ReturnType<typeof setTimeout>;
  private requests = new Latest();

  constructor(private readonly host: SuggestionsHost) {}

  /** The citizen typed `value`. */
  input = (value: string) => {
    this.host.input = value;
    this.set({ active: -1 });
    this.stop();
    if (value.trim().length < 2) {
      this.set({ items: [], expanded: false });
      return;
    }
    this.timer = setTimeout(() => void this.load(value), SUGGEST_DELAY_MS);
  };

  keyDown = (event: KeyboardEvent) => {
    const { items, expanded, active } = this.host.combo;
    const count = items.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (count) this.set({ expanded: true, active: (active + 1) % count });
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (count) this.set({ expanded: true, active: active <= 0 ? count - 1 : active - 1 });
        break;
      case 'Enter': {
        const picked = expanded ? items[active] : undefined;
        if (picked) {
          event.preventDefault();
          this.pick(picked);
        }
        break;
      }
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          this.close();
        } else if (this.host.input) {
          event.preventDefault();
          this.input('');
        }
        break;
    }
  };

  pick = (item: ServiceSummary) => {
    this.close();
    this.host.open(item.id);
  };

  close = () => this.set({ expanded: false, active: -1 });

  /** Drops what is pending: a search starts, or the finder leaves the page. */
  stop() {
    clearTimeout(this.timer);
    this.requests.abort();
  }

  private set(change: Partial<Combo>) {
    this.host.combo = { ...this.host.combo, ...change };
  }

  /** Suggestions for what is typed now. */
  private async load(value: string) {
    const signal = this.requests.start();
    const host = this.host;
    try {
      const page = await listServices(host.core, { q: value, limit: 6 }, { signal });
      if (signal.aborted || value !== host.input) return;
      this.set({ items: page.data, expanded: page.data.length > 0 });
      if (page.data.length > 0)
        host.announce(plural(host.locale, host.t.search.suggestionCount, page.data.length));
    } catch {
      // Suggestions are a convenience: searching still works without them.
    }
  }
}

import type { ServiceSummary } from '@loket/sdk';
import { type FunctionalComponent, h } from '@stencil/core';
import type { Combo } from './combo';
import type { FinderMessages } from './messages';

export interface SearchBoxProps {
  t: FinderMessages;
  value: string;
  combo: Combo;
  /** The search box got focus (the suggestions' code loads). */
  onFocus: () => void;
  onInput: (value: string) => void;
  onKeyDown: (event: KeyboardEvent) => void;
  onSubmit: () => void;
  onPick: (item: ServiceSummary) => void;
  onBlur: () => void;
  onClear: () => void;
}

export const optionId = (index: number) => `loket-suggestion-${index}`;

/**
 * The search box as an ARIA APG "combobox with listbox popup" (list autocomplete, manual
 * selection): focus stays in the input, the active option is announced through
 * aria-activedescendant, Enter opens the active option or searches for the text.
 */
export const SearchBox: FunctionalComponent<SearchBoxProps> = (p) => {
  const { items, expanded, active } = p.combo;
  const open = expanded && items.length > 0;
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is unknown to the older Android WebViews we support; role=search on a form is the same landmark.
    <form
      class="search"
      part="search"
      role="search"
      aria-label={p.t.search.label}
      onSubmit={(e: Event) => {
        e.preventDefault();
        p.onSubmit();
      }}
    >
      <label class="label" htmlFor="loket-q">
        {p.t.search.label}
      </label>
      <p class="hint" id="loket-q-hint">
        {p.t.search.hint}
      </p>
      <div class="search-row">
        <div class="combo">
          <input
            id="loket-q"
            class="input"
            part="input"
            type="search"
            role="combobox"
            autocomplete="off"
            spellcheck={false}
            enterKeyHint="search"
            aria-autocomplete="list"
            aria-expanded={open ? 'true' : 'false'}
            aria-controls="loket-suggestions"
            aria-describedby="loket-q-hint"
            aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
            value={p.value}
            onFocus={p.onFocus}
            onInput={(e: Event) => p.onInput((e.target as HTMLInputElement).value)}
            onKeyDown={p.onKeyDown}
            onBlur={p.onBlur}
          />
          {p.value && (
            <button type="button" class="clear" part="button clear" onClick={p.onClear}>
              <span aria-hidden="true">×</span>
              <span class="visually-hidden">{p.t.search.clear}</span>
            </button>
          )}
          <div
            id="loket-suggestions"
            class="listbox"
            part="listbox"
            role="listbox"
            aria-label={p.t.search.suggestions}
            hidden={!open}
          >
            {items.map((item, index) => (
              // biome-ignore lint/a11y/useFocusableInteractive: options are never focused; the input keeps focus and points at them with aria-activedescendant (APG combobox).
              <div
                id={optionId(index)}
                class={{ option: true, active: index === active }}
                part={index === active ? 'option option-active' : 'option'}
                role="option"
                aria-selected={index === active ? 'true' : 'false'}
                // mousedown, not click: the input must keep focus (and not close the list) first.
                onMouseDown={(e: MouseEvent) => {
                  e.preventDefault();
                  p.onPick(item);
                }}
              >
                <span class="option-name">{item.name}</span>
                <span class="option-agency">{item.agency.name}</span>
              </div>
            ))}
          </div>
        </div>
        <button type="submit" class="button primary" part="button submit">
          {p.t.search.submit}
        </button>
      </div>
    </form>
  );
};

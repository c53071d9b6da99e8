import { type Dictionary, type Locale, localeOf } from '../i18n';

/**
 * Follows the locale of `el` (see `localeOf`): a site's language switch sets `lang` on `<html>`
 * or on any ancestor. `onChange` gets the new locale once `strings` holds it, so a component never
 * renders a language whose words it does not have yet. Returns the function that stops following.
 */
export function watchLocale(
  el: HTMLElement,
  strings: Dictionary<unknown>,
  onChange: (locale: Locale) => void,
): () => void {
  let shown = localeOf(el);
  const observer = new MutationObserver(async () => {
    const next = localeOf(el);
    if (next === shown) return;
    await strings.load(next);
    shown = next;
    onChange(next);
  });
  observer.observe(el.ownerDocument.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
    subtree: true,
  });
  return () => observer.disconnect();
}

/**
 * Browser-side helpers for the <loket-service-finder> tests: mount it against the real API that
 * test/global-setup.ts started, follow focus into its shadow root, and leave the page (URL,
 * styles, viewport) as it was found.
 */
import { afterEach, expect, inject } from 'vitest';
import { page } from 'vitest/browser';

export const TAG = 'loket-service-finder';

// The test page plays an Indonesian government site (vitest's own page says lang="en").
document.documentElement.lang = 'id';

const startUrl = location.href;
const added = new Set<Element>();

/** Mounts a finder on the real API; `attrs` override or add attributes (`null` removes one). */
export function mountFinder(
  attrs: Record<string, string | null> = {},
  parent: HTMLElement = document.body,
): HTMLElement {
  const el = document.createElement(TAG);
  const all: Record<string, string | null> = { 'api-base': inject('apiBase'), ...attrs };
  for (const [name, value] of Object.entries(all)) if (value !== null) el.setAttribute(name, value);
  parent.append(el);
  if (parent === document.body) added.add(el);
  return el;
}

/**
 * Mounts a finder inside a new <div> of the page (removed after the test) that gives it what an
 * embedding page gives from around it: a `lang`, or `data-loket-*` settings (`loketApiBase`…).
 */
export function mountFinderIn(
  around: { lang?: string; dataset?: Record<string, string> },
  attrs: Record<string, string | null> = {},
): { wrapper: HTMLElement; finder: HTMLElement } {
  const wrapper = addToPage(document.createElement('div'));
  if (around.lang) wrapper.lang = around.lang;
  Object.assign(wrapper.dataset, around.dataset);
  return { wrapper, finder: mountFinder(attrs, wrapper) };
}

/** Mounts a finder (see `mountFinder`) and waits for its view before a search: browsing by life event. */
export async function openFinder(attrs: Record<string, string | null> = {}): Promise<HTMLElement> {
  const finder = mountFinder(attrs);
  await expect.element(browseHeading()).toBeVisible();
  return finder;
}

/** Adds `node` to <body> (or <head>) and removes it after the test. */
export function addToPage<T extends Element>(node: T, where: 'head' | 'body' = 'body'): T {
  document[where].append(node);
  added.add(node);
  return node;
}

/** A <style> with `css`, removed after the test. */
export function addStyle(css: string): HTMLStyleElement {
  const style = document.createElement('style');
  style.textContent = css;
  return addToPage(style, 'head');
}

/** The page URL with these query parameters set (`null` removes one); the URL is restored after the test. */
export function setPageQuery(params: Record<string, string | null>): void {
  const url = new URL(location.href);
  for (const [key, value] of Object.entries(params)) {
    if (value === null) url.searchParams.delete(key);
    else url.searchParams.set(key, value);
  }
  history.replaceState(history.state, '', url);
}

/** The page's query parameter `key` now. */
export const query = (key: string) => new URL(location.href).searchParams.get(key);

/** The element that has focus, looking through open shadow roots. */
export function focused(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** A short description of the focused element, for readable failures. */
export function focusedName(): string {
  const el = focused();
  if (!el) return '(nothing)';
  const id = el.id ? `#${el.id}` : '';
  return `${el.tagName.toLowerCase()}${id} "${(el.textContent ?? '').trim().slice(0, 60)}"`;
}

export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no open shadow root`);
  return el.shadowRoot;
}

/** The result list's heading, e.g. "12 layanan untuk “ktp”". */
export const resultsHeading = (name: RegExp | string = /^[\d.]+ layanan/) =>
  page.getByRole('heading', { level: 2, name });

/** Browsing's first heading, shown before a search: life events (then categories). */
export const browseHeading = (name: string | RegExp = 'Urusan menurut peristiwa hidup') =>
  page.getByRole('heading', { level: 2, name });

/** The detail view's heading (the service name). */
export const detailHeading = (name: string) => page.getByRole('heading', { level: 2, name, exact: true });

afterEach(() => {
  for (const node of added) node.remove();
  added.clear();
  document.documentElement.removeAttribute('data-loket-theme');
  history.replaceState(null, '', startUrl);
});

export const KTP_HILANG = 'Penggantian KTP-el karena Hilang';
export const searchBox = () => page.getByRole('combobox', { name: 'Cari layanan' });
export const suggestions = () => page.getByRole('listbox', { name: 'Saran layanan' });

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withHeader } from './header.mjs';

/**
 * The site's HTML pages, read once, each with the site's one header (`{{header}}`, see header.mjs).
 * Each page is a template with placeholders filled per
 * response: `{{api-base}}` (the Loket API URL, see api-base.mjs), `{{nonce}}` (this response's
 * CSP nonce, see csp.mjs), `{{origin}}` (this site's origin, for the absolute canonical and
 * hreflang links; see siteOrigin) and `{{query}}` (the request's query string, `?layanan=…` or
 * empty, so the language switch of the apply page keeps the service without a script).
 *
 * The pages' stylesheets (`<link rel="stylesheet" href="/assets/site.css">` and the components'
 * `/loket/reserve.css`) are put inline, in a `<style>` with the response's nonce: a phone on a slow
 * network then paints without waiting for another request (Lighthouse: ~150 ms on Slow 4G). The
 * templates keep the plain links, as any site would write them.
 *
 * @param {string} dir
 * @param {Record<string, string>} [stylesheetRoots] URL prefix (`/assets/`) → the directory its files are in
 * @returns {Promise<Map<string, string>>} file name (`index.html`) → template
 */
export async function loadPages(dir, stylesheetRoots = {}) {
  const pages = new Map();
  const inlined = new Map();
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.html')) continue;
    let template = withHeader(await readFile(join(dir, name), 'utf8'), name);
    for (const [tag, href] of template.matchAll(/<link rel="stylesheet" href="(\/[^"]+\.css)">/g)) {
      const root = Object.entries(stylesheetRoots).find(([prefix]) => href.startsWith(prefix));
      if (!root) continue;
      if (!inlined.has(href)) {
        const css = await readFile(join(root[1], href.slice(root[0].length)), 'utf8');
        // Without its comments (they may quote markup, and cost bytes on every page).
        const rules = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\n\s*\n+/g, '\n');
        inlined.set(href, rules.replaceAll('</', '<\\/').trim());
      }
      template = template.replace(tag, `<style nonce="{{nonce}}">\n${inlined.get(href)}\n</style>`);
    }
    pages.set(name, template);
  }
  return pages;
}

/**
 * This site's origin as the browser reached it, for absolute links: the scheme and the Host
 * header's host and port only (parsed as a URL, so it cannot carry a path or markup), or
 * `fallback` when the header is missing or not a host.
 *
 * @param {{ host: string | undefined, protocol: string }} request
 * @param {string} fallback
 */
export function siteOrigin(request, fallback) {
  const protocol = request.protocol === 'https' ? 'https' : 'http';
  try {
    if (request.host) return new URL(`${protocol}://${request.host}`).origin;
  } catch {
    // Not a valid Host header.
  }
  return fallback;
}

/**
 * @param {string} template
 * @param {{ apiBase: string, nonce: string, origin?: string, query?: string }} values `query`: the
 *   raw query string of the request URL, with or without its `?`
 */
export function renderPage(template, { apiBase, nonce, origin = '', query = '' }) {
  return template
    .replaceAll('{{api-base}}', escapeHtml(apiBase))
    .replaceAll('{{nonce}}', escapeHtml(nonce))
    .replaceAll('{{origin}}', escapeHtml(origin))
    .replaceAll('{{query}}', escapeHtml(searchOf(query)));
}

/**
 * The query string parsed and serialized again (so it is always well-formed), with its `?`.
 *
 * @param {string} query
 */
function searchOf(query) {
  const search = new URLSearchParams(query).toString();
  return search ? `?${search}` : '';
}

/** @param {string} text */
export function escapeHtml(text) {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

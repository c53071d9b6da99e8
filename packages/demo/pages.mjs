import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The site's HTML pages, read once. Each page is a template with placeholders filled per
 * response: `{{api-base}}` (the Loket API URL, see api-base.mjs), `{{nonce}}` (this response's
 * CSP nonce, see csp.mjs) and `{{query}}` (the request's query string, `?layanan=…` or empty, so
 * the language switch of the apply page keeps the service without a script). Everything else is
 * plain static HTML.
 *
 * @param {string} dir
 * @returns {Promise<Map<string, string>>} file name (`index.html`) → template
 */
export async function loadPages(dir) {
  const pages = new Map();
  for (const name of await readdir(dir)) {
    if (name.endsWith('.html')) pages.set(name, await readFile(join(dir, name), 'utf8'));
  }
  return pages;
}

/**
 * @param {string} template
 * @param {{ apiBase: string, nonce: string, query?: string }} values `query`: the raw query string
 *   of the request URL, with or without its `?`
 */
export function renderPage(template, { apiBase, nonce, query = '' }) {
  return template
    .replaceAll('{{api-base}}', escapeHtml(apiBase))
    .replaceAll('{{nonce}}', escapeHtml(nonce))
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
function escapeHtml(text) {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

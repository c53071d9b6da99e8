import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The site's HTML pages, read once. Each page is a template with two placeholders filled per
 * response: `{{api-base}}` (the Loket API URL, see api-base.mjs) and `{{nonce}}` (this response's
 * CSP nonce, see csp.mjs). Everything else is plain static HTML.
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
 * @param {{ apiBase: string, nonce: string }} values
 */
export function renderPage(template, { apiBase, nonce }) {
  return template.replaceAll('{{api-base}}', escapeHtml(apiBase)).replaceAll('{{nonce}}', escapeHtml(nonce));
}

/** @param {string} text */
function escapeHtml(text) {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

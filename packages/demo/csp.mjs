import { randomBytes } from 'node:crypto';

/**
 * The Content-Security-Policy of every demo page: what a regional website needs to embed the
 * Loket components and nothing more. Verified in Chromium by test/csp.test.ts.
 *
 * - `script-src 'self'`: the one module script and the chunks it imports, all from this site.
 * - `style-src 'self'`: the site's stylesheet. Components style their shadow roots with
 *   constructable stylesheets (`adoptedStyleSheets`), which CSP does not restrict. Browsers
 *   without them (Safari before 16.4) get a `<style>` element instead; it carries the nonce that
 *   the page announces in `<meta name="csp-nonce">`, so those browsers need no 'unsafe-inline'
 *   either.
 * - `connect-src` the API's origin: the components' only requests; and `'self'`, for Lighthouse,
 *   which reads this site's robots.txt from within the page, under its policy (without it the
 *   SEO audit says "Lighthouse was unable to download a robots.txt file").
 * - Trusted Types required, with no policy at all: the components never write HTML.
 *
 * @param {{ apiOrigin: string, nonce: string }} options
 * @returns {Record<string, string[]>}
 */
export function cspDirectives({ apiOrigin, nonce }) {
  return {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", `'nonce-${nonce}'`],
    // blob: the form's thumbnails of the photos a citizen uploads (object URLs of their own files)
    'img-src': ["'self'", 'blob:'],
    'connect-src': [apiOrigin, "'self'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'require-trusted-types-for': ["'script'"],
    'trusted-types': ["'none'"],
  };
}

/** @param {Record<string, string[]>} directives */
export function serializeCsp(directives) {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** A fresh nonce for one response (128 random bits, base64 as CSP expects). */
export function createNonce() {
  return randomBytes(16).toString('base64');
}

// @ts-check
/**
 * The lookup key of a recorded answer: method, path and the query sorted by name, e.g.
 * `GET /v1/services?limit=20&q=ktp&region=35.78`. The recorder (scripts/record-story-fixtures.mjs)
 * writes fixtures under it and the MSW handlers look them up with it, so both must build it alike.
 *
 * @param {string} method
 * @param {string} path
 * @param {Iterable<[string, string]>} query
 * @returns {string}
 */
export function requestKey(method, path, query) {
  const params = new URLSearchParams([...query].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const search = params.toString();
  return `${method} ${path}${search ? `?${search}` : ''}`;
}

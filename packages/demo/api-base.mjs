/**
 * The Loket API base URL a page should call.
 *
 * With `apiUrl` (env LOKET_API_URL) that URL, as configured. Otherwise the host the browser used
 * to reach this demo (its Host header) with the API's port: a page opened as
 * http://192.168.1.20:8081 from a phone on the same network then calls http://192.168.1.20:8080,
 * not the phone's own 127.0.0.1. Only the hostname is taken from the header, so it cannot carry
 * a path, quotes or CSP syntax into the page or the policy.
 *
 * @param {{ host: string | undefined, protocol: string }} request the Host header and 'http' or 'https'
 * @param {{ apiUrl?: string | undefined, apiPort: number }} options
 * @returns {{ base: string, origin: string }}
 */
export function apiBaseFor(request, { apiUrl, apiPort }) {
  if (apiUrl) {
    const url = new URL(apiUrl);
    return { base: url.href.replace(/\/$/, ''), origin: url.origin };
  }
  let hostname = '127.0.0.1';
  try {
    // IPv6 literals ([::1]) cannot be named in a CSP source: reach the demo by name or IPv4.
    if (request.host) hostname = new URL(`http://${request.host}`).hostname || hostname;
  } catch {
    // Not a valid Host header: keep the loopback default.
  }
  const protocol = request.protocol === 'https' ? 'https' : 'http';
  const origin = `${protocol}://${hostname}:${apiPort}`;
  return { base: origin, origin };
}

import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** Paths requested, in order, with the Origin header each came with. */
  requests: { path: string; origin: string | undefined }[];
  close(): Promise<void>;
}

/**
 * Serves files: `routes` maps a URL prefix to a folder; `pages` are HTML answers by path.
 * `headers` adds headers to every answer (CORS for the CDN, the CSP for a page).
 */
export async function serveStatic(options: {
  routes?: Record<string, string>;
  pages?: Record<string, string>;
  headers?: (req: IncomingMessage) => Record<string, string>;
}): Promise<StaticServer> {
  const requests: StaticServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push({ path, origin: req.headers.origin });
    const headers = options.headers?.(req) ?? {};
    const page = options.pages?.[path];
    if (page !== undefined) {
      res.writeHead(200, { ...headers, 'content-type': TYPES['.html'] as string });
      res.end(page);
      return;
    }
    for (const [prefix, dir] of Object.entries(options.routes ?? {})) {
      if (!path.startsWith(prefix)) continue;
      const file = join(dir, normalize(`/${path.slice(prefix.length)}`));
      const stat = statSync(file, { throwIfNoEntry: false });
      if (!stat?.isFile()) continue;
      res.writeHead(200, {
        ...headers,
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': String(stat.size),
      });
      createReadStream(file).pipe(res);
      return;
    }
    res.writeHead(404, headers).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

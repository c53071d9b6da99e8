import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the receiver got it: the raw body (signatures are over its exact bytes). */
export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

/** A real HTTP server on 127.0.0.1 standing in for a region's gateway: it keeps every request. */
export interface TestReceiver {
  url: string;
  received: Received[];
  /** Answer the next requests with these statuses (then 200 again). */
  answer(...statuses: number[]): void;
  /** Answer every request with this status from now on (a receiver that is down). */
  always(status: number): void;
  /** Never answer the next N requests (a receiver that hangs). */
  hang(count: number): void;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<TestReceiver> {
  const received: Received[] = [];
  let queue: number[] = [];
  let fixed: number | undefined;
  let hanging = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (hanging > 0) {
        hanging--;
        received.push({
          path: request.url ?? '',
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          status: 0,
        });
        return; // no answer: the sender's timeout ends it
      }
      const status = queue.shift() ?? fixed ?? 200;
      received.push({
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        status,
      });
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'not now');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/loket`,
    received,
    answer: (...statuses) => {
      queue.push(...statuses);
    },
    always: (status) => {
      fixed = status;
      queue = [];
    },
    hang: (count) => {
      hanging = count;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message as the receiver saw it: when it was accepted, its Message-ID and tracking code. */
export interface Receipt {
  at: number;
  messageId: string;
  code: string | null;
}

/**
 * A mail receiver that counts: a real SMTP server (`smtp-server`) on 127.0.0.1 that accepts
 * everything and notes, for each message, the time it was accepted (`Date.now()`, after the last
 * byte of DATA), its Message-ID (Loket's is `<delivery id@domain>`) and the tracking code in its
 * Subject. It keeps every receipt, duplicates too: counting them is the point. Headers are read with
 * a regular expression, not a full parser, so the receiver costs little of the machine it shares
 * (`pnpm bench`'s outbox leg uses it too). `delayMs` holds each reply that long after the data
 * arrived (a slow mail server: a sender killed meanwhile never hears the message was accepted).
 */
export async function startReceiver(options: { delayMs?: number } = {}) {
  const receipts: Receipt[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    maxClients: 1000,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
        const text = Buffer.concat(chunks).toString('latin1');
        const head = text
          .slice(0, Math.max(0, text.indexOf('\r\n\r\n')) || text.length)
          .replace(/\r\n[ \t]+/g, ' ');
        receipts.push({
          at: Date.now(),
          messageId: /^message-id:\s*(\S+)/im.exec(head)?.[1] ?? '',
          code: /^subject:.*?(LKT-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/im.exec(head)?.[1] ?? null,
        });
        callback();
      });
    },
  });
  // A sender killed mid-conversation resets its connection: counted, never fatal (smtp-server
  // emits it on the server, where an unhandled 'error' would end this process).
  const state = { connectionErrors: 0 };
  server.on('error', () => {
    state.connectionErrors += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    receipts,
    get connectionErrors() {
      return state.connectionErrors;
    },
    /** Distinct Message-IDs among the receipts for `codes` (all receipts without it). */
    distinct(codes?: Set<string>) {
      const ids = new Set<string>();
      for (const r of receipts) if (!codes || (r.code && codes.has(r.code))) ids.add(r.messageId);
      return ids.size;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

/** Per delivery id: raw receipts, distinct ids, ids received more than once, expected ids never received. */
export function countPerDelivery(receipts: Receipt[], expectedIds: string[]) {
  const counts = new Map<string, number>();
  for (const r of receipts) {
    const id = /^<([0-9a-f]{64})@/.exec(r.messageId)?.[1] ?? r.messageId;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const expected = new Set(expectedIds);
  const duplicated = [...counts].filter(([, n]) => n > 1);
  return {
    expected: expected.size,
    rawReceipts: receipts.length,
    distinct: counts.size,
    lost: [...expected].filter((id) => !counts.has(id)).length,
    /** Delivery ids received more than once, and the extra copies in all. */
    duplicatedIds: duplicated.length,
    extraCopies: duplicated.reduce((sum, [, n]) => sum + n - 1, 0),
    /** Received ids that are no delivery of these applications (should be 0). */
    unexpected: [...counts.keys()].filter((id) => !expected.has(id)).length,
  };
}

import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on 127.0.0.1 for the notification tests: it keeps what it accepts. */
export interface TestSmtp {
  url: string;
  port: number;
  /** The messages accepted, parsed, in order. */
  received: ParsedMail[];
  /** Messages offered (accepted or refused). */
  offered: number;
  /** Refuse the next N messages with this reply code (451: try later; 550: never). */
  refuse(count: number, code?: number): void;
  close(): Promise<void>;
}

export async function startSmtp(port = 0): Promise<TestSmtp> {
  let refusals = 0;
  let refusalCode = 451;
  const received: ParsedMail[] = [];
  const state = { offered: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      state.offered++;
      if (refusals > 0) {
        refusals--;
        stream.resume();
        stream.on('end', () =>
          callback(Object.assign(new Error('mailbox busy, try later'), { responseCode: refusalCode })),
        );
        return;
      }
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${bound}`,
    port: bound,
    received,
    get offered() {
      return state.offered;
    },
    refuse(count, code = 451) {
      refusals = count;
      refusalCode = code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

import nodemailer from 'nodemailer';

/** One e-mail as the worker hands it to a transport. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Derived from the delivery id: a resend is recognisably the same message. */
  messageId: string;
  headers: Record<string, string>;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/** A refusal the SMTP server means for good (5xx): retrying would not help. */
export class PermanentFailure extends Error {
  override name = 'PermanentFailure';
}

/**
 * Sends over SMTP (`smtp://user:pass@host:587`, `smtps://…` for implicit TLS) through a pool of
 * up to 5 connections kept open between messages (a round's e-mails no longer each pay a
 * connection and a greeting). Timeouts stay well under the worker's lease, so an attempt ends
 * before another instance may take the delivery.
 */
export function smtpMailer(url: string, from: string, timeoutMs: number): Mailer {
  const transport = nodemailer.createTransport(url, {
    pool: true,
    maxConnections: 5,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  } as nodemailer.TransportOptions);
  return {
    async send(mail) {
      try {
        await transport.sendMail({ from, ...mail });
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        const reason = error instanceof Error ? error.message : String(error);
        if (code !== undefined && code >= 500) throw new PermanentFailure(reason);
        throw error;
      }
    },
    close: () => transport.close(),
  };
}

/** The domain of the From address, for Message-IDs (`<delivery id@domain>`). */
export function mailDomain(from: string): string {
  return /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? 'loket.invalid';
}

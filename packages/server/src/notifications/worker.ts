import type { Db } from '../db/index.js';
import { remindTomorrow } from '../visits/events.js';
import { buildComplaintMail } from './complaint-message.js';
import {
  type AnyClaimed,
  type ClaimedComplaint,
  type ClaimedVisit,
  claim,
  fanOut,
  type Outcome,
  settle,
} from './deliveries.js';
import { buildMail } from './mail.js';
import { recoveryTopic } from './outbox.js';
import { type Mailer, mailDomain, PermanentFailure, smtpMailer } from './smtp.js';
import { buildVisitMail } from './visit-message.js';
import { afterDisabled, attemptWebhook, type WebhookSettings } from './webhook-deliver.js';

/** The outbox settings (config.ts reads them from the environment; docs/notifications.md). */
export interface OutboxSettings {
  /** `smtp://user:pass@host:587`; without it no e-mail deliveries are made. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** The tracker page with `{code}` (and `{region}`) to fill in, e.g. `https://…/lacak#kode={code}`. */
  trackerUrl: string | undefined;
  /** A booking's page with `{code}` (and `{region}`), e.g. `https://…/antrean.html#kode={code}`. */
  bookingUrl: string | undefined;
  /** A complaint's page with `{code}` (and `{region}`), e.g. `https://…/pengaduan.html#kode={code}`. */
  complaintUrl?: string | undefined;
  /**
   * The survey page with `{token}` (and `{region}`), e.g. `https://…/survei.html#survei={token}`:
   * survey invitations link there with a one-time token; without it, to the tracker or booking page.
   */
  surveyUrl?: string | undefined;
  /** This API's public base URL, for the stop links. */
  apiUrl: string;
  pollMs: number;
  /** How long a claimed delivery is this instance's; after that another may take it. */
  leaseMs: number;
  /** The first retry's delay; each further one doubles it. */
  retryMs: number;
  /** Attempts before a delivery is `failed`. */
  maxAttempts: number;
  webhooks: WebhookSettings;
}

/** The part of a pino logger the worker uses. */
export interface Log {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface Outbox {
  /** One round: fan out new events, then send what is due. Returns how many were claimed. */
  runOnce(): Promise<number>;
  /** Sends one due delivery now, if it is due and not leased (the `webhooks test` CLI). */
  deliverNow(id: string): Promise<boolean>;
  /** Stops polling and waits for the round in progress to finish. */
  stop(): Promise<void>;
}

/** Deliveries claimed per round (sent concurrently), and events fanned out per statement. */
export const batch = 50;
const fanOutBatch = 500;
/** How often the worker writes the day-before visit reminders (visits/events.ts). */
const remindEveryMs = 60_000;

/** The delay before attempt `attempts + 1`: retryMs, doubled after each failure, at most a day. */
export const backoff = (retryMs: number, attempts: number) =>
  Math.min(retryMs * 2 ** Math.max(0, attempts - 1), 86_400_000);

/**
 * The notification worker of this server process: at least once (a delivery is marked delivered
 * only after the SMTP server accepted it, or the webhook endpoint answered 2xx; a crash leaves its
 * lease to expire and it is sent again with the same id, Message-ID and webhook-id), never by two
 * instances at once (claims skip leased rows).
 */
export function createOutbox(db: Db, settings: OutboxSettings, log: Log, clock = () => new Date()): Outbox {
  const mailer: Mailer | null = settings.smtpUrl
    ? smtpMailer(settings.smtpUrl, settings.mailFrom, Math.max(1000, Math.floor(settings.leaseMs / 3)))
    : null;
  const domain = mailDomain(settings.mailFrom);
  // Webhook requests end well within the lease, like SMTP's timeouts.
  const webhooks = {
    ...settings.webhooks,
    timeoutMs: Math.max(1000, Math.min(settings.webhooks.timeoutMs, Math.floor(settings.leaseMs / 3))),
  };
  const retryAt = (attempts: number) =>
    attempts >= settings.maxAttempts
      ? undefined
      : new Date(clock().getTime() + backoff(settings.retryMs, attempts));

  const mailOf = (delivery: AnyClaimed & { channel: 'email' }) => {
    const options = { ...settings, domain, now: clock() };
    if (delivery.ticket_id !== null) return buildVisitMail(db, delivery as ClaimedVisit, options);
    if (delivery.complaint_id !== null) return buildComplaintMail(db, delivery as ClaimedComplaint, options);
    if (delivery.application_id === null) throw new PermanentFailure('an e-mail without an application');
    return buildMail(db, delivery, options);
  };

  async function attempt(delivery: AnyClaimed): Promise<Outcome & { disabled?: string }> {
    if (delivery.channel === 'webhook') {
      const { trackerUrl, bookingUrl, complaintUrl, surveyUrl } = settings;
      return attemptWebhook(db, delivery, {
        ...webhooks,
        trackerUrl,
        bookingUrl,
        complaintUrl,
        surveyUrl,
        now: clock(),
        retryAt: retryAt(delivery.attempts),
      });
    }
    if (delivery.application_id === null && delivery.ticket_id === null && delivery.complaint_id === null)
      return { kind: 'cancelled', error: 'an e-mail without an application' };
    // A recovery link was asked for by the citizen just now: a stop link does not hold it back.
    if (delivery.stopped && delivery.topic !== recoveryTopic) {
      return { kind: 'cancelled', error: 'stopped by the recipient' };
    }
    if (delivery.channel !== 'email') return { kind: 'cancelled', error: 'no phone gateway for this region' };
    if (!mailer) return { kind: 'cancelled', error: 'e-mail is not configured (LOKET_SMTP_URL)' };
    try {
      await mailer.send(await mailOf(delivery as AnyClaimed & { channel: 'email' }));
      return { kind: 'delivered' };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const at = retryAt(delivery.attempts);
      if (error instanceof PermanentFailure || !at) return { kind: 'failed', error: reason };
      return { kind: 'retry', at, error: reason };
    }
  }

  async function deliver(delivery: AnyClaimed): Promise<Outcome> {
    const outcome = await attempt(delivery);
    const kept = await settle(db, delivery, outcome, clock());
    if (outcome.disabled) {
      await afterDisabled(db, delivery);
      log.error({ endpoint: delivery.target, reason: outcome.disabled }, 'outbox: webhook endpoint disabled');
    }
    const fields = { delivery: delivery.id, topic: delivery.topic, attempts: delivery.attempts };
    if (!kept) log.warn(fields, 'outbox: lease lost before the outcome was written; it will be sent again');
    else if (outcome.kind === 'retry') log.warn({ ...fields, err: outcome.error }, 'outbox: will retry');
    else if (outcome.kind === 'failed')
      log.error({ ...fields, err: outcome.error }, 'outbox: delivery failed');
    return outcome;
  }

  // The day-before reminders are written here, once a minute, so that they go out wherever the
  // worker runs (a failure is logged and tried again next minute; the deliveries go on).
  let remindedAt = Number.NEGATIVE_INFINITY;
  async function remind(): Promise<void> {
    const now = clock();
    if (now.getTime() - remindedAt < remindEveryMs) return;
    remindedAt = now.getTime();
    await remindTomorrow(db, now).catch((err: unknown) =>
      log.warn({ err }, 'outbox: could not write visit reminders'),
    );
  }

  async function runOnce(): Promise<number> {
    await remind();
    const email = mailer !== null;
    while ((await fanOut(db, { email, now: clock(), limit: fanOutBatch })) === fanOutBatch) {}
    const claimed = await claim(db, { now: clock(), leaseMs: settings.leaseMs, limit: batch });
    await Promise.all(claimed.map(deliver));
    return claimed.length;
  }

  async function deliverNow(id: string): Promise<boolean> {
    const [claimed] = await claim(db, { now: clock(), leaseMs: settings.leaseMs, limit: 1, id });
    if (claimed) await deliver(claimed);
    return claimed !== undefined;
  }

  return { runOnce, deliverNow, stop: async () => mailer?.close() };
}

/** Starts the worker's polling loop; `stop()` ends it after the round in progress. */
export function startOutbox(db: Db, settings: OutboxSettings, log: Log, clock?: () => Date): Outbox {
  if (!settings.smtpUrl) log.info({}, 'e-mail notifications are off: LOKET_SMTP_URL is not set');
  const outbox = createOutbox(db, settings, log, clock);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();
  const tick = () => {
    round = outbox
      .runOnce()
      .then((claimed) => claimed === batch)
      .catch((err: unknown) => {
        if (!stopped) log.error({ err }, 'outbox: round failed');
        return false;
      })
      .then((more) => {
        if (!stopped) timer = setTimeout(tick, more ? 0 : settings.pollMs);
      });
  };
  tick();
  return {
    runOnce: outbox.runOnce,
    deliverNow: outbox.deliverNow,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await round;
      await outbox.stop();
    },
  };
}

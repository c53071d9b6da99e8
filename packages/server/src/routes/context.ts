import type { operations } from '@loket/sdk/contract';
import type { FastifyRequest } from 'fastify';
import type { NationalChannel } from '../catalogue/present.js';
import type { Db } from '../db/index.js';
import type { Limits } from '../limits.js';
import type { DeskSettings } from '../officers/session-auth.js';

/** What every handler may use. */
export interface AppContext {
  db: Db;
  nationalComplaintChannels: NationalChannel[];
  /** False once shutdown begins, so readiness fails before the listener closes. */
  accepting: boolean;
  /** Where uploaded attachments are stored (local storage; see applications/storage.ts). */
  uploadsDir: string;
  /** The current time; tests move it to check due dates and overdue flags. */
  now: () => Date;
  /** Rate limits, lockout and quotas in force. */
  limits: Limits;
  /** The satisfaction index: cells with fewer responses are not published. */
  skmMinResponses: number;
  /** Whether this server sends e-mail (LOKET_SMTP_URL is set): the forms offer news by e-mail only then. */
  mail: boolean;
  /** Whether webhook endpoints may be on private addresses (LOKET_WEBHOOK_ALLOW_PRIVATE). */
  webhooks: { allowPrivate: boolean };
  /** The desk's sessions (timeouts) and its own origin. */
  desk: DeskSettings;
}

type Parameters<Op extends keyof operations> = operations[Op]['parameters'];
type JsonBody<Op extends keyof operations> = operations[Op] extends {
  requestBody: { content: { 'application/json': infer Body } };
}
  ? Body
  : operations[Op] extends { requestBody?: { content: { 'application/json': infer Body } } }
    ? Body | undefined
    : never;

/**
 * A request to the contract's operation `Op`, typed from the generated contract: its path
 * parameters, its query (with `limit` filled in: validation applies the contract's defaults) and
 * its JSON body. Validation has checked all three before any handler runs.
 */
export type OperationRequest<Op extends keyof operations> = FastifyRequest<{
  Params: Parameters<Op>['path'];
  Querystring: NonNullable<Parameters<Op>['query']> &
    ('limit' extends keyof NonNullable<Parameters<Op>['query']> ? { limit: number } : unknown);
  Body: JsonBody<Op>;
}>;

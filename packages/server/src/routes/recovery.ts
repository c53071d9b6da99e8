import { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkOrigin, originAllowedAnywhere } from '../applications/origins.js';
import { checkRecovery, redeemRecovery } from '../applications/recovery.js';
import { formatCode, normalizeCode } from '../applications/secrets.js';
import { pickLang } from '../http/lang.js';
import { citizenOrigin } from '../http/security.js';
import { say } from '../messages/index.js';
import { problem } from '../problem.js';
import type { AppContext, OperationRequest } from './context.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Work to do once the answer is sent (so its time is no part of the answer's). */
    afterResponse?: () => Promise<void>;
  }
}

/** Runs a request's `afterResponse` once its answer went out; a failure is logged. */
export function registerAfterResponse(app: FastifyInstance): void {
  app.addHook('onResponse', async (request) => {
    const work = request.afterResponse;
    if (!work) return;
    request.afterResponse = undefined;
    await work().catch((err: unknown) => request.log.error({ err }, 'work after the response failed'));
  });
}

/** A page of another site must be allowed by some region before it may ask anything here. */
async function anyOrigin(ctx: AppContext, origin: string | undefined): Promise<void> {
  if (origin !== undefined && !(await originAllowedAnywhere(ctx.db, origin))) {
    throw problem('origin-not-allowed', 403, say('originNotAllowed', origin, '*'));
  }
}

/** "Lupa kode rahasia?": the rules are in applications/recovery.ts. */
export function recoveryHandlers(ctx: AppContext) {
  return {
    async requestSecretRecovery(request: OperationRequest<'requestSecretRecovery'>, reply: FastifyReply) {
      await anyOrigin(ctx, citizenOrigin(request, ctx.desk.publicUrl));
      const { limits } = ctx;
      const allowed = limits.allow.some((a) => normalizeIP(a) === normalizeIP(request.ip));
      const work = await checkRecovery(
        ctx.db,
        {
          code: request.params.code,
          contact: request.body.contact,
          address: normalizeIP(request.ip),
          now: ctx.now(),
          originAllowed: (region) =>
            checkOrigin(ctx.db, citizenOrigin(request, ctx.desk.publicUrl), region).then(
              () => true,
              () => false,
            ),
        },
        { perAddress: allowed ? null : limits.recoveries, perCode: limits.recoveryPerCode },
      );
      if (work) request.afterResponse = work;
      reply.code(202).header('cache-control', 'no-store');
      return { message: say('recoveryAccepted')(pickLang(request)) };
    },

    async recoverSecret(request: OperationRequest<'recoverSecret'>, reply: FastifyReply) {
      await anyOrigin(ctx, citizenOrigin(request, ctx.desk.publicUrl));
      const secret = await redeemRecovery(ctx.db, request.params.code, request.body.token, ctx.now());
      reply.header('cache-control', 'no-store');
      return { code: formatCode(normalizeCode(request.params.code) ?? ''), secret };
    },
  } satisfies Record<string, (request: FastifyRequest<never>, reply: FastifyReply) => Promise<unknown>>;
}

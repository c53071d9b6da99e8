import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  type ApplicationRow,
  authenticateOfficer,
  type Officer,
  openApplication,
} from '../applications/security.js';
import { openComplaint } from '../complaints/open.js';
import type { Db } from '../db/index.js';
import type { Limit } from '../limits.js';
import { authenticateSession, type DeskSettings, fromOwnOrigin } from '../officers/session-auth.js';
import { ProblemError } from '../problem.js';
import { authenticateKiosk, type KioskDevice } from '../survey/kiosk.js';
import { openSurveyLink } from '../survey/links.js';
import type { SurveySubject } from '../survey/subject.js';
import { openBooking } from '../visits/manage.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the applicationSecret security handler. */
    application?: ApplicationRow;
    /** Set by the officerToken security handler. */
    officer?: Officer;
    /** Set by the kioskToken security handler. */
    kiosk?: KioskDevice;
    /** Set by the surveyLink security handler: the application or visit its link invites to rate. */
    surveyLink?: SurveySubject;
  }
}

const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/**
 * The `Origin` a region must have allowed for a citizen's request: the browser's, or none for a
 * request from this server's own origin (its /katalog/ pages, which take the citizen from a
 * service's page to its application form here), as for a request without `Origin`.
 */
export function citizenOrigin(request: FastifyRequest, publicUrl: string | undefined): string | undefined {
  return fromOwnOrigin(request, publicUrl) ? undefined : request.headers.origin;
}

/**
 * The security handlers named in the contract (`applicationSecret`, `bookingSecret`,
 * `complaintSecret`, `officerToken`, `officerSession`, `kioskToken`, `surveyLink`); glue runs them
 * before the handler, after request validation, and for the officer API accepts either officer scheme. The rules are in
 * applications/security.ts and officers/session-auth.ts.
 */
export function securityHandlers(db: Db, lockout: Limit, desk: DeskSettings, now: () => Date) {
  /** What a citizen presents for a code: the code in the path, the `Loket-Secret` header, the origin. */
  const proof = (request: FastifyRequest) => ({
    code: (request.params as { code?: string }).code ?? '',
    secret: header(request, 'loket-secret'),
    origin: citizenOrigin(request, desk.publicUrl),
  });
  return {
    async applicationSecret(request: FastifyRequest) {
      request.application = await openApplication(db, proof(request), lockout).catch((error: unknown) => {
        // The code itself stays out of the log (docs/privacy.md): only that a lockout held.
        if (error instanceof ProblemError && error.status === 429) {
          request.log.info({ retryAfter: error.retryAfter }, 'tracking code locked out after wrong secrets');
        }
        throw error;
      });
    },

    async kioskToken(request: FastifyRequest) {
      request.kiosk = await authenticateKiosk(db, {
        token: header(request, 'loket-kiosk'),
        origin: citizenOrigin(request, desk.publicUrl),
      });
    },

    async surveyLink(request: FastifyRequest) {
      request.surveyLink = await openSurveyLink(db, {
        token: header(request, 'loket-survey-link'),
        origin: citizenOrigin(request, desk.publicUrl),
        now: now(),
      });
    },

    async bookingSecret(request: FastifyRequest) {
      request.booking = await openBooking(db, proof(request), lockout);
    },

    async complaintSecret(request: FastifyRequest) {
      request.complaint = await openComplaint(db, proof(request), lockout);
    },

    async officerToken(request: FastifyRequest) {
      request.officer = await authenticateOfficer(db, {
        authorization: request.headers.authorization,
        origin: request.headers.origin,
      });
    },

    async officerSession(request: FastifyRequest, reply: FastifyReply) {
      request.officer = await authenticateSession(db, request, reply, desk);
    },
  };
}

import type { FastifyRequest } from 'fastify';
import {
  type ApplicationRow,
  authenticateOfficer,
  type Officer,
  openApplication,
} from '../applications/security.js';
import type { Db } from '../db/index.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the applicationSecret security handler. */
    application?: ApplicationRow;
    /** Set by the officerToken security handler. */
    officer?: Officer;
  }
}

const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/**
 * The security handlers named in the contract (`applicationSecret`, `officerToken`); glue runs
 * them before the handler, after request validation. The rules are in applications/security.ts.
 */
export function securityHandlers(db: Db) {
  return {
    async applicationSecret(request: FastifyRequest) {
      request.application = await openApplication(db, {
        code: (request.params as { code?: string }).code ?? '',
        secret: header(request, 'loket-secret'),
        origin: request.headers.origin,
      });
    },

    async officerToken(request: FastifyRequest) {
      request.officer = await authenticateOfficer(db, {
        authorization: request.headers.authorization,
        origin: request.headers.origin,
      });
    },
  };
}

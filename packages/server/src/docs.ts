import { existsSync, readFileSync } from 'node:fs';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { parse } from 'yaml';
import { docsPolicy } from './http/headers.js';

/**
 * The contract: the repository's openapi/loket.yaml; a deployed or published server, with no
 * repository around it, reads the copy its build puts in the package (openapi/loket.yaml).
 */
const inRepository = new URL('../../../openapi/loket.yaml', import.meta.url);
export const contractPath = existsSync(inRepository)
  ? inRepository
  : new URL('../openapi/loket.yaml', import.meta.url);

/** The contract as written, parsed once. */
export function loadContract(): Record<string, unknown> {
  return parse(readFileSync(contractPath, 'utf8')) as Record<string, unknown>;
}

/** Serves the contract (`/openapi.yaml`, `/openapi.json`) and an interactive reference at `/docs`. */
export async function registerDocs(
  app: FastifyInstance,
  contract: Record<string, unknown>,
  publicUrl?: string,
) {
  const yamlText = readFileSync(contractPath, 'utf8');
  // "Try it out" must call this very server: its public URL when set, else the same origin.
  const document = { ...contract, servers: [{ url: publicUrl ?? '/', description: 'This server' }] };
  app.get('/openapi.yaml', { config: { catalogue: true } }, (_request, reply) =>
    reply.type('application/yaml; charset=utf-8').send(yamlText),
  );
  app.get('/openapi.json', { config: { catalogue: true } }, () => document);
  await app.register(swagger, { mode: 'static', specification: { document: document as never } });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true, tryItOutEnabled: true },
    // Replaces the API's CSP on the docs' own responses (they are a page, not JSON).
    staticCSP: docsPolicy(publicUrl),
  });
  app.get('/', (_request, reply) => reply.redirect('/docs'));
}

import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

function ajv(coerceTypes: boolean): Ajv {
  // strict: false — the contract's schemas carry OpenAPI keywords (example, examples…).
  const instance = new Ajv({
    strict: false,
    allErrors: true,
    coerceTypes,
    useDefaults: true,
    removeAdditional: false,
  });
  (addFormats as unknown as (a: Ajv) => void)(instance);
  return instance;
}

/**
 * Two validators for the contract's request schemas: query, path and headers arrive as text and
 * are coerced to the declared types ("20" → 20); JSON bodies are validated as sent, never
 * coerced, so a `oneOf` of string | number | boolean | array (an answer) matches exactly one branch.
 */
export function registerValidation(app: FastifyInstance): void {
  const coercing = ajv(true);
  const exact = ajv(false);
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? exact : coercing).compile(schema as object),
  );
}

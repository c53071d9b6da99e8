import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

type Json = Record<string, unknown>;

const contract = parse(
  readFileSync(new URL('../../../../openapi/loket.yaml', import.meta.url), 'utf8'),
) as Json & { paths: Record<string, Record<string, Json>> };

const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
ajv.addSchema(contract, 'loket');

const routes = Object.entries(contract.paths).map(([template, item]) => ({
  template,
  regex: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  item,
}));

const pointer = (path: string[]) => path.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
const cache = new Map<string, ValidateFunction | null>();

/** The contract's schema for this response, or null when the contract declares no body for it. */
function validatorFor(method: string, pathname: string, status: number, mediaType: string) {
  const route = routes.find((r) => r.regex.test(pathname));
  if (!route) throw new Error(`${method} ${pathname} is not in the contract`);
  const operation = route.item[method.toLowerCase()] as Json | undefined;
  if (!operation) throw new Error(`${method} ${route.template} is not in the contract`);
  const responses = operation.responses as Record<string, Json>;
  const code = String(status) in responses ? String(status) : 'default';
  let response = responses[code];
  if (!response) throw new Error(`${method} ${route.template} does not declare status ${status}`);
  let base = ['paths', route.template, method.toLowerCase(), 'responses', code];
  if (typeof response.$ref === 'string') {
    base = response.$ref.slice(2).split('/');
    response = base.reduce<Json>((node, key) => node[key] as Json, contract);
  }
  const content = response.content as Record<string, unknown> | undefined;
  if (!content) return null;
  if (!(mediaType in content))
    throw new Error(`${method} ${route.template} ${status} does not declare ${mediaType}`);
  const ref = `loket#/${pointer([...base, 'content', mediaType, 'schema'])}`;
  if (!cache.has(ref)) cache.set(ref, ajv.compile({ $ref: ref }));
  return cache.get(ref) ?? null;
}

/** Problems of a response against the contract (empty when it conforms). */
export function checkResponse(
  method: string,
  url: string,
  status: number,
  contentType: string | null,
  body: unknown,
): string[] {
  // Not `new URL()`: it would collapse `..` segments and check another path than the one sent.
  const pathname = (/^https?:/.test(url) ? url.replace(/^https?:\/\/[^/]+/, '') : url).split('?')[0] ?? url;
  const mediaType = (contentType ?? '').split(';')[0]?.trim() ?? '';
  const validate = validatorFor(method, pathname, status, mediaType);
  if (!validate) return body === undefined || body === '' ? [] : [`${status} must have no body`];
  if (validate(body)) return [];
  return (validate.errors ?? []).map(
    (e) => `${method} ${pathname} ${status}: ${e.instancePath} ${e.message}`,
  );
}

/** Problems of a value against one of the contract's schemas (a webhook body, say); empty when it conforms. */
export function checkSchema(name: string, value: unknown): string[] {
  const ref = `loket#/components/schemas/${name}`;
  if (!cache.has(ref)) cache.set(ref, ajv.compile({ $ref: ref }));
  const validate = cache.get(ref);
  if (!validate || validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${name}: ${e.instancePath} ${e.message}`);
}

/**
 * A fetch for the SDK that checks every response it receives against the contract and records
 * the violations, so contract tests fail on any drift between server, contract and SDK.
 */
export function contractCheckingFetch(violations: string[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const response = await fetch(request);
    const text = await response.clone().text();
    let body: unknown = text;
    if (text && /json/.test(response.headers.get('content-type') ?? '')) body = JSON.parse(text);
    violations.push(
      ...checkResponse(
        request.method,
        request.url,
        response.status,
        response.headers.get('content-type'),
        body,
      ),
    );
    return response;
  };
}

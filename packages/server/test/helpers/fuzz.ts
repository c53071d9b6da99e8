import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'yaml';

/**
 * A contract-driven fuzzer: every operation of openapi/loket.yaml with its declared parameters
 * and body, filled with what clients get wrong (wrong types, NUL, lone surrogates, 10 kB values,
 * deep nesting, other media types, bodies over the limit) and now and then with a valid value, so
 * requests also get past validation and authentication into the handlers (judged by
 * fuzz-judge.ts). Used by test/contract-fuzz.test.ts (a small sample) and the bench (thousands
 * per engine).
 */

type Json = Record<string, unknown>;
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: Json;
}
export interface Operation {
  id: string;
  method: string;
  template: string;
  parameters: Parameter[];
  body: { types: string[]; schema: Json | undefined } | null;
  /** The credential it takes; the fuzzer has none for a desk session or a kiosk. */
  security: 'application' | 'booking' | 'complaint' | 'officer' | 'session' | 'kiosk' | null;
  /** Answers a Server-Sent Events stream (the queue board): it never ends, so no real id is used. */
  stream: boolean;
}

const contract = parse(
  readFileSync(new URL('../../../../openapi/loket.yaml', import.meta.url), 'utf8'),
) as Json;

function resolve<T>(node: unknown): T {
  let current = node as Json;
  while (current && typeof current.$ref === 'string') {
    current = (current.$ref as string)
      .slice(2)
      .split('/')
      .reduce<Json>((n, key) => n[key] as Json, contract);
  }
  return current as T;
}

/** Every operation of the contract. */
export const operations: Operation[] = Object.entries(contract.paths as Record<string, Json>).flatMap(
  ([template, item]) =>
    Object.entries(item)
      .filter(([method]) => ['get', 'post', 'patch', 'delete', 'put'].includes(method))
      .map(([method, raw]) => {
        const op = raw as Json;
        const requestBody = op.requestBody as { content?: Record<string, { schema?: Json }> } | undefined;
        const security = (op.security as Record<string, unknown>[] | undefined)?.[0];
        return {
          id: String(op.operationId),
          method: method.toUpperCase(),
          template,
          parameters: ((op.parameters as unknown[]) ?? []).map((p) => resolve<Parameter>(p)),
          body: requestBody?.content
            ? {
                types: Object.keys(requestBody.content),
                schema: resolve<Json | undefined>(Object.values(requestBody.content)[0]?.schema),
              }
            : null,
          stream: JSON.stringify((op.responses as Json | undefined)?.['200'] ?? {}).includes(
            'text/event-stream',
          ),
          security: securityOf(security),
        };
      }),
);

/** Which credential an operation takes (its first security requirement). */
function securityOf(requirement: Record<string, unknown> | undefined) {
  if (!requirement) return null;
  if ('applicationSecret' in requirement) return 'application' as const;
  if ('bookingSecret' in requirement) return 'booking' as const;
  if ('complaintSecret' in requirement) return 'complaint' as const;
  if ('officerToken' in requirement) return 'officer' as const;
  if ('officerSession' in requirement) return 'session' as const;
  if ('kioskToken' in requirement) return 'kiosk' as const;
  return null;
}

/** Real things the fuzzer mixes in, so that some requests reach the handlers. */
export interface FuzzContext {
  applications: { code: string; secret: string }[];
  /** Visits booked through the API (their code and secret), for the booking operations. */
  bookings?: { code: string; secret: string }[];
  /** A complaint filed in 33.74, in the officer token's scope. */
  complaints?: { code: string; secret: string }[];
  officerToken: string;
}

const nasty = fc.constantFrom(
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202e',
  '🪪',
  "'; drop table application; --",
  '%',
  '..',
  '../../etc/passwd',
  ' ',
  '',
  '{}',
  '[]',
  'null',
  'true',
  '-1',
  '1e309',
  'NaN',
  'LKT-0000-0000-0000',
  '33.74',
  'ktp-el-hilang',
  '00000000-0000-0000-0000-000000000000',
);
const big = fc.constantFrom(
  'a'.repeat(10_240),
  '\u0000'.repeat(10_240),
  '🪪'.repeat(2_600),
  '9'.repeat(10_240),
);
/** What PostgreSQL cannot store as text: often, since that is what broke. */
const unstorable = fc.constantFrom('\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\udc00\ud800');
const text = fc.oneof(
  { weight: 3, arbitrary: unstorable },
  { weight: 4, arbitrary: nasty },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: big },
);
/** Deep nesting (arrays and objects) beyond anything a schema allows. */
const deep = fc
  .tuple(fc.integer({ min: 50, max: 5000 }), fc.boolean())
  .map(([depth, array]) =>
    array ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
  );
/** Any JSON value, wrong types included. */
const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 3 }),
  fc.dictionary(text, text, { maxKeys: 3 }),
);

/** A valid-looking value for a schema: an enum value, an example, a default, or a plain one. */
function goodFor(schema: Json | undefined): fc.Arbitrary<unknown> {
  const s = resolve<Json>(schema ?? {});
  if (s.type === 'object' && s.properties) return mutated(s.properties as Record<string, Json>);
  const plausible: unknown[] = [
    ...((s.enum as unknown[]) ?? []),
    ...((s.examples as unknown[]) ?? []),
    ...(s.example !== undefined ? [s.example] : []),
    ...(s.default !== undefined ? [s.default] : []),
  ];
  if (plausible.length > 0) return fc.constantFrom(...plausible);
  if (s.type === 'integer' || s.type === 'number') return fc.constant(s.minimum ?? 1);
  if (s.type === 'boolean') return fc.boolean();
  if (s.type === 'array') return fc.array(goodFor(s.items as Json), { minLength: 1, maxLength: 2 });
  return fc.constantFrom('ktp', 'a', 'Siti Aminah');
}

/** A wrong value for a schema: unstorable or hostile text, a wrong type, 10 kB. */
function badFor(schema: Json | undefined): fc.Arbitrary<unknown> {
  const s = resolve<Json>(schema ?? {});
  return s.type === 'string' || s.type === undefined
    ? fc.oneof({ weight: 3, arbitrary: text }, anyJson)
    : anyJson;
}

/**
 * Fields with valid-looking values, some left out, and one (or none) of them wrong, or an
 * unknown field: a request wrong in one place gets past the rest of validation to where that
 * one value is used.
 */
function mutated(fields: Record<string, Json | undefined>): fc.Arbitrary<Record<string, unknown>> {
  const names = Object.keys(fields);
  const record = Object.fromEntries(
    names.map((name) => [name, fc.option(goodFor(fields[name]), { nil: undefined, freq: 3 })]),
  );
  return fc
    .record({
      base: fc.record(record),
      wrong: fc.integer({ min: 0, max: names.length + 1 }),
      value: fc.oneof(text, anyJson),
      extra: text,
    })
    .map(({ base, wrong, value, extra }) => {
      const out: Record<string, unknown> = Object.fromEntries(
        Object.entries(base).filter(([, v]) => v !== undefined),
      );
      const name = names[wrong];
      if (name !== undefined) out[name] = value;
      else if (wrong === names.length) out[extra] = value;
      return out;
    });
}

/** A value for a schema: valid-looking or wrong. */
function valueFor(schema: Json | undefined): fc.Arbitrary<unknown> {
  return fc.oneof(goodFor(schema), badFor(schema));
}

const asText = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

export interface FuzzRequest {
  operation: string;
  method: string;
  url: string;
  /** The path as the contract knows it (for checking the answer). */
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

const mediaTypes = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/problem+json',
  '',
);

/** Percent-encodes a path segment; a lone surrogate as the bytes a hostile client would send. */
function encodeSegment(value: string): string {
  // A segment `.` or `..` is removed by every URL parser before the server sees it:
  // `/v1/applications/../secret-recovery` is another route, not this operation with a strange code.
  if (value === '.' || value === '..') return `${value}x`;
  return Array.from(value, (ch) => {
    const unit = ch.charCodeAt(0);
    if (ch.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      return [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    }
    return encodeURIComponent(ch);
  }).join('');
}

/** HTTP can carry only visible ASCII and tabs in a header (the parser refuses the rest earlier). */
const sendable = (value: string) => /^[\t\x20-\x7e]*$/.test(value);

const VISIT_LOCATION = 'mpp-surabaya-siola';
const VISIT_SERVICE = 'ktp-el-hilang';
const VISIT_REGION = '35.78';

/** Requests for one operation. */
export function requestsFor(op: Operation, ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const real = fc.constantFrom(...ctx.applications);
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const others = op.parameters.filter((p) => p.in !== 'path');
  const params = mutated(Object.fromEntries(others.map((p) => [`${p.in}:${p.name}`, p.schema])));
  const path = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, valueFor(p.schema).map(asText)])));
  const body = op.body
    ? fc.oneof(
        { weight: 6, arbitrary: goodFor(op.body.schema).map((v) => JSON.stringify(v) ?? '') },
        { weight: 2, arbitrary: anyJson.map((v) => JSON.stringify(v) ?? '') },
        { weight: 1, arbitrary: deep },
        { weight: 1, arbitrary: fc.constantFrom('', '{', '{"a":1}x', 'declaration=true', '\u0000') },
        { weight: 1, arbitrary: fc.constant('x'.repeat(1_100_000)) },
      )
    : fc.constant(undefined);
  return fc
    .record({
      path,
      params,
      body,
      type: op.body
        ? fc.oneof(
            { weight: 4, arbitrary: fc.constant(op.body.types[0] ?? '') },
            { weight: 2, arbitrary: mediaTypes },
          )
        : fc.constant(''),
      app: fc.option(real, { nil: undefined }),
      officer: fc.boolean(),
      place: fc.boolean(),
    })
    .map(({ path: values, params: given, body: payload, type, app, officer, place }) => {
      // A location that takes visits, and a service served there, for some requests to reach them.
      const visit = place && !op.stream && /\/(visit-)?locations(\/\{id\}|$)/.test(op.template);
      const booking = op.security === 'booking' && place ? ctx.bookings?.[0] : undefined;
      const complaint =
        place && /^\/v1(\/officer)?\/complaints\/\{code\}/.test(op.template)
          ? ctx.complaints?.[0]
          : undefined;
      if (visit && 'query:service' in given) given['query:service'] = VISIT_SERVICE;
      let url = op.template;
      for (const p of pathParams) {
        const value =
          p.name === 'code' && complaint
            ? complaint.code
            : p.name === 'code' && booking
              ? booking.code
              : p.name === 'code' && visit
                ? VISIT_REGION
                : p.name === 'code' && app
                  ? app.code
                  : p.name === 'id' && visit
                    ? VISIT_LOCATION
                    : String(values[p.name]);
        url = url.replace(`{${p.name}}`, encodeSegment(value));
      }
      const query = new URLSearchParams();
      const headers: Record<string, string> = {};
      for (const [key, raw] of Object.entries(given)) {
        if (raw === undefined) continue;
        const value = asText(raw);
        const [where, name] = key.includes(':') ? (key.split(':') as [string, string]) : ['query', key];
        if (where === 'query') query.append(name, value);
        else if (sendable(value)) headers[name.toLowerCase()] = value;
      }
      if (op.security === 'application' && app) headers['loket-secret'] = app.secret;
      if (booking) headers['loket-secret'] = booking.secret;
      if (op.security === 'complaint' && complaint) headers['loket-secret'] = complaint.secret;
      if (op.security === 'officer' && officer) headers.authorization = `Bearer ${ctx.officerToken}`;
      if (payload !== undefined && type) headers['content-type'] = type;
      const search = query.toString();
      return {
        operation: op.id,
        method: op.method,
        url: search ? `${url}?${search}` : url,
        path: url,
        headers,
        ...(payload !== undefined ? { body: payload } : {}),
      };
    });
}

/** A request for any operation of the contract. */
export function anyRequest(ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(...operations.map((op) => requestsFor(op, ctx)));
}

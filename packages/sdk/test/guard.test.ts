import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { isLoketApiError, LoketApiError, type Problem } from '../src/index.js';

// "Another realm" here means what an app meets in practice: the SDK's own errors.ts, loaded a
// second time in a separate JavaScript realm (node:vm context ≈ an iframe), so that its
// LoketApiError extends that realm's Error and `instanceof` fails across the boundary.
const source = readFileSync(new URL('../src/errors.ts', import.meta.url), 'utf8');
const { outputText } = ts.transpileModule(source, {
  compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
});
const otherRealm = vm.createContext({ exports: {} });
vm.runInContext(outputText, otherRealm);
const ForeignError = vm.runInContext('exports.LoketApiError', otherRealm) as typeof LoketApiError;
const foreignIsLoketApiError = vm.runInContext(
  'exports.isLoketApiError',
  otherRealm,
) as typeof isLoketApiError;

const problem: fc.Arbitrary<Problem> = fc.record(
  {
    type: fc.string(),
    title: fc.string(),
    status: fc.integer({ min: 0, max: 599 }),
    detail: fc.string(),
    instance: fc.string(),
    errors: fc.array(fc.record({ pointer: fc.string(), detail: fc.string() })),
  },
  { requiredKeys: ['type', 'title', 'status'] },
);

const brand = Symbol.for('loket.api-error');

/** Values paired with whether they are a LoketApiError. */
const candidates: fc.Arbitrary<[unknown, boolean]> = fc.oneof(
  problem.map((p) => [new LoketApiError(p), true] as [unknown, boolean]),
  problem.map((p) => [new ForeignError(p), true] as [unknown, boolean]),
  fc.anything().map((value) => [value, false] as [unknown, boolean]),
  fc
    .string()
    .map(
      (message) =>
        [Object.assign(new Error(message), { name: 'LoketApiError' }), false] as [unknown, boolean],
    ),
  fc
    .constantFrom('LoketApiError', 'Error', 'HTTPError')
    .map(
      (name) =>
        [{ name, status: 404, [brand]: name === 'LoketApiError' ? 'yes' : true }, false] as [
          unknown,
          boolean,
        ],
    ),
  problem.map((p) => [{ ...new LoketApiError(p) }, false] as [unknown, boolean]), // a copy without message/stack
);

describe('isLoketApiError', () => {
  it('sees through the realm boundary where instanceof does not', () => {
    const foreign = new ForeignError({
      type: 'urn:loket:problem:not-found',
      title: 'Tidak ditemukan',
      status: 404,
    });
    expect(foreign instanceof LoketApiError).toBe(false);
    expect(foreign instanceof Error).toBe(false);
    expect(isLoketApiError(foreign)).toBe(true);
    expect(foreignIsLoketApiError(new LoketApiError({ type: 'about:blank', title: 'x', status: 500 }))).toBe(
      true,
    );
    expect(foreign).toMatchObject({ name: 'LoketApiError', status: 404, errors: [] });
  });

  it('trusts the brand: it tells errors apart, it is not a security check', () => {
    expect(isLoketApiError({ name: 'LoketApiError', [brand]: true })).toBe(true);
  });

  it('is true exactly for LoketApiErrors of either realm (property)', () => {
    fc.assert(
      fc.property(candidates, ([value, expected]) => {
        expect(isLoketApiError(value)).toBe(expected);
        expect(foreignIsLoketApiError(value)).toBe(expected);
      }),
    );
  });
});

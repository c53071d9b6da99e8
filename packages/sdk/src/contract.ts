// The generated contract (openapi/loket.yaml → src/openapi.d.ts) for code that implements the API
// rather than calls it: the reference server reads its request and response shapes from here.
// Types only; clients use the curated names of the package root.
export type { components, operations, paths } from './openapi.js';

// The citizen client's operations: every export of these modules is a function of a `LoketCore`
// (`listServices(core, query)`), exported as it is by the package for tree-shaking, and a method
// of `createLoketClient`'s client under the same name (client.ts binds them all to its core).
// To add an operation, write its function in one of these modules: nothing else lists it. An
// export that is not such a function (a helper, a constant) fails to compile in client.ts.
export * from './application-status.js';
export * from './applications.js';
export * from './catalogue.js';
export * from './complaints.js';
export * from './health.js';
export * from './life-events.js';
export * from './news.js';
export * from './recovery.js';
export * from './regions.js';
export * from './results.js';
export * from './survey.js';
export * from './visits.js';
export * from './withdraw.js';

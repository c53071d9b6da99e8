// @loket/sdk/officer — the officer API's operations as tree-shakable functions of a core
// (`listApplications(core, …)`), for a screen on the API's own origin that signs in with a session
// cookie instead of a bearer token: the desk at /petugas/ (docs/desk.md). Scripts and agency
// systems use `createLoketOfficerClient` (the same functions with a token's core bound).
export * from './operations/officer.js';
export * from './operations/officer-admin.js';
export * from './operations/webhooks.js';

// The engines' names and the number formats of the benchmark table and its details.

export const ENGINE_NAMES = { pglite: 'PGlite', postgres: 'PostgreSQL' };
export const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
/** Milliseconds with their unit, `—` when not measured (the SKM and desk details). */
export const msUnit = (x) =>
  x === undefined || Number.isNaN(x) ? '—' : `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`;
export const pct = (s) => `p50 ${ms(s.p50)} / p95 ${ms(s.p95)} / p99 ${ms(s.p99)} ms`;
export const times = (x) => `×${x.toFixed(x < 0.1 ? 3 : 2)}`;
export const verdict = (ok) => (ok ? 'PASS' : 'FAIL');

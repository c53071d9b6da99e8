/**
 * The pages' one stylesheet: readable type, a measure of about 70 characters, visible focus,
 * the system's colours in forced-colors mode (nothing here overrides them).
 */
export const siteCss = `html { color-scheme: light; color: #1a1a1a; background: #fff; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5; }
body { margin: 0; }
header.site { display: flex; gap: 1rem; justify-content: flex-end; flex-wrap: wrap; padding: 0.5rem 1rem; border-bottom: 1px solid; }
main { max-width: 44rem; margin: 0 auto; padding: 1rem; overflow-wrap: anywhere; }
h1 { font-size: 1.75rem; line-height: 1.2; }
h2 { font-size: 1.25rem; margin-top: 1.5rem; }
a { color: #0b57d0; }
a:focus-visible, input:focus-visible, button:focus-visible { outline: 3px solid; outline-offset: 2px; }
label { font-weight: 600; }
.hint, .meta, .agency, .aliases { color: #4d4d4d; }
.meta { display: block; font-size: 0.9rem; }
.results li { margin-bottom: 0.75rem; }
input { font: inherit; padding: 0.5rem; border: 2px solid; max-width: 100%; box-sizing: border-box; }
input[type="search"] { width: 100%; }
button { font: inherit; padding: 0.5rem 1rem; margin-top: 0.5rem; border: 2px solid; cursor: pointer; }
.error { border-left: 4px solid; padding-left: 0.75rem; font-weight: 600; }
dt { font-weight: 600; }
dd { margin: 0 0 0.75rem; }
loket-service-finder, loket-status-tracker { display: block; }
`;

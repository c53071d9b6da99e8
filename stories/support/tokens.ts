import manifest from '../../packages/components/custom-elements.json';

// The theming reference, from the source: the tokens and parts Stencil lists in custom-elements.json
// (from the `@prop` doc comments in each component's CSS and the `@part` tags in its JSDoc), and the
// tokens the components' CSS really reads, with the default each falls back to.

/** Each component's stylesheets as written (its folder's CSS; the receipt's styles live in TypeScript). */
const sources = import.meta.glob<string>(
  ['../../packages/components/src/components/*/*.css', '../../packages/components/src/kit/receipt/styles.ts'],
  { query: '?raw', import: 'default', eager: true },
);
const reserveCss = Object.values(
  import.meta.glob<string>('../../packages/components/src/reserve.css', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
)[0] as string;

/** The components that show the receipt (and so read its tokens). */
const receiptIn = ['loket-application-form', 'loket-status-tracker'];

export interface Documented {
  name: string;
  description?: string;
}

export interface ComponentReference {
  tag: string;
  tokens: Documented[];
  parts: Documented[];
}

interface Declaration {
  tagName?: string;
  cssProperties?: Documented[];
  cssParts?: Documented[];
}

/** Every component with its documented tokens and parts, by tag. */
export const reference: ComponentReference[] = manifest.modules
  .flatMap((m) => m.declarations as Declaration[])
  .filter((d): d is Declaration & { tagName: string } => Boolean(d.tagName))
  .map((d) => ({ tag: d.tagName, tokens: d.cssProperties ?? [], parts: d.cssParts ?? [] }))
  .sort((a, b) => a.tag.localeCompare(b.tag));

/** Comments removed: a token named in prose is not a token read. */
const code = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '');

/** Each `var(--loket-…, fallback)` in `css`: the token and its fallback as written (nested `var()` kept). */
export function tokenUses(css: string): Map<string, string | null> {
  const uses = new Map<string, string | null>();
  const text = code(css);
  const start = /var\(\s*(--loket-[a-z0-9-]*[a-z0-9])\s*(,)?/g;
  for (let m = start.exec(text); m; m = start.exec(text)) {
    const name = m[1] as string;
    let fallback: string | null = null;
    if (m[2]) {
      let depth = 1;
      let i = start.lastIndex;
      for (; i < text.length && depth > 0; i++) {
        if (text[i] === '(') depth++;
        else if (text[i] === ')') depth--;
      }
      fallback = text
        .slice(start.lastIndex, i - 1)
        .replace(/\s+/g, ' ')
        .trim();
    }
    if (!uses.has(name) || (uses.get(name) === null && fallback !== null)) uses.set(name, fallback);
  }
  return uses;
}

/** The tokens `tag`'s styles read, each with its fallback: its own CSS, the receipt's, its reserve.css rule. */
export function tokensRead(tag: string): Map<string, string | null> {
  const css = Object.entries(sources)
    .filter(
      ([path]) =>
        path.includes(`/components/${tag}/`) || (path.includes('/receipt/') && receiptIn.includes(tag)),
    )
    .map(([, text]) => text);
  const reserve = reserveCss.match(new RegExp(`${tag}:not\\(\\.hydrated\\)\\s*\\{[^}]*\\}`))?.[0] ?? '';
  return tokenUses([...css, reserve].join('\n'));
}

/** The global tokens (`--loket-<property>`, not a component's own) every component reads, with their defaults. */
export function globalTokens(): Map<string, string | null> {
  const all = new Map<string, string | null>();
  for (const { tag } of reference) {
    for (const [name, fallback] of tokensRead(tag)) {
      if (!isOwn(name) && !all.has(name)) all.set(name, fallback);
    }
  }
  return new Map([...all].sort(([a], [b]) => a.localeCompare(b)));
}

const owners = () => [...reference.map((r) => r.tag), 'loket-receipt'];

/** A component's own token (`--loket-service-finder-…`, `--loket-receipt-…`), not a global one. */
export function isOwn(token: string): boolean {
  return owners().some((tag) => token.startsWith(`--${tag}-`));
}

const views = import.meta.glob<string>('../../packages/components/src/components/*/*.tsx', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** The parts `tag`'s views name literally (`part="base"`, `part="button primary"`). */
export function partsNamed(tag: string): Set<string> {
  const named = new Set<string>();
  for (const [path, text] of Object.entries(views)) {
    if (!path.includes(`/components/${tag}/`)) continue;
    for (const m of text.matchAll(/\bpart="([^"]+)"/g))
      for (const p of (m[1] as string).split(/\s+/)) named.add(p);
  }
  return named;
}

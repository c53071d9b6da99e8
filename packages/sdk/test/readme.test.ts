import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

it('shows examples/search.mjs in the README exactly as the runnable file is', () => {
  expect(read('../README.md')).toContain(`\`\`\`js\n${read('../examples/search.mjs')}\`\`\``);
});

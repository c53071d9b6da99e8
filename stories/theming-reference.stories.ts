import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import { globalTokens, isOwn, partsNamed, reference, tokensRead } from './support/tokens';

// The theming reference: every `--loket-*` token and `::part` of every component, generated from the
// source (custom-elements.json, which Stencil writes from the `@prop` comments in each component's CSS
// and the `@part` tags in its JSDoc; the defaults from the CSS itself), so it cannot drift. Its play
// function checks that every token a component's CSS reads is listed, and nothing else.

const meta = {
  title: 'Theming/Reference',
  tags: ['autodocs'],
  parameters: { layout: 'padded' },
} satisfies Meta;

export default meta;
type Story = StoryObj;

const defaultOf = (fallback: string | null | undefined) =>
  fallback ? html`<code>${fallback}</code>` : html`<span>none (unset)</span>`;

const globals = () => html`
  <section aria-labelledby="tokens-global">
    <h2 id="tokens-global">Global tokens</h2>
    <p>
      Set once on <code>:root</code>, <code>body</code> or any container: every component below it follows,
      unless its own token (<code>--loket-&lt;component&gt;-&lt;property&gt;</code>) says otherwise.
    </p>
    <table data-tokens="global">
      <caption>Global tokens and their defaults</caption>
      <thead><tr><th scope="col">Token</th><th scope="col">Default</th></tr></thead>
      <tbody>
        ${[...globalTokens()].map(([name, fallback]) => html`<tr><th scope="row"><code>${name}</code></th><td>${defaultOf(fallback)}</td></tr>`)}
      </tbody>
    </table>
  </section>
`;

const component = (tag: string) => {
  const entry = reference.find((r) => r.tag === tag);
  const read = tokensRead(tag);
  return html`
    <section aria-labelledby="ref-${tag}" data-component=${tag}>
      <h2 id="ref-${tag}"><code>&lt;${tag}&gt;</code></h2>
      <table data-tokens=${tag}>
        <caption>Tokens of &lt;${tag}&gt;</caption>
        <thead><tr><th scope="col">Token</th><th scope="col">Default</th><th scope="col">What it sets</th></tr></thead>
        <tbody>
          ${entry?.tokens.map(
            (t) => html`<tr>
              <th scope="row"><code>${t.name}</code></th>
              <td>${defaultOf(read.get(t.name))}</td>
              <td>${t.description}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <table data-parts=${tag}>
        <caption>Parts of &lt;${tag}&gt; (style them with <code>${tag}::part(name)</code>)</caption>
        <thead><tr><th scope="col">Part</th><th scope="col">What it is</th></tr></thead>
        <tbody>
          ${entry?.parts.map((p) => html`<tr><th scope="row"><code>${p.name}</code></th><td>${p.description}</td></tr>`)}
        </tbody>
      </table>
    </section>
  `;
};

const listed = (root: HTMLElement, selector: string) =>
  [...root.querySelectorAll(`${selector} tbody th code`)].map((c) => c.textContent ?? '');

/**
 * Every token and part, per component. A component reads its own token first, then the global one,
 * then its default: `--loket-service-finder-color-primary`, else `--loket-color-primary`, else `#0b5cad`.
 */
export const TokensAndParts: Story = {
  render: () => html`
    <div style="max-width: 72rem; font: 1rem/1.5 system-ui, sans-serif">
      <h1>Tokens and parts</h1>
      ${globals()} ${reference.map((r) => component(r.tag))}
    </div>
  `,
  play: async ({ canvasElement }) => {
    await expect(reference.length).toBeGreaterThanOrEqual(8);
    for (const { tag, parts } of reference) {
      const read = [...tokensRead(tag).keys()].sort();
      // Every token the CSS reads is in the reference, and the reference lists nothing it does not read.
      await expect(listed(canvasElement, `[data-tokens="${tag}"]`).sort()).toEqual(read);
      await expect(parts.length).toBeGreaterThan(0);
      // Every part a view names is documented.
      const documented = new Set(parts.map((p) => p.name));
      await expect([...partsNamed(tag)].filter((p) => !documented.has(p))).toEqual([]);
      await expect(listed(canvasElement, `[data-parts="${tag}"]`)).toEqual(parts.map((p) => p.name));
    }
    const globalsRead = new Set(
      reference.flatMap(({ tag }) => [...tokensRead(tag).keys()].filter((t) => !isOwn(t))),
    );
    await expect(listed(canvasElement, '[data-tokens="global"]')).toEqual([...globalsRead].sort());
    await expect(globalsRead.has('--loket-color-primary')).toBe(true);
  },
};

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { demo } from './msw/demo';
import { API_BASE, catalogue } from './msw/handlers';
import { finderIn, patience } from './support/finder';
import { globalTokens } from './support/tokens';

// A live theme editor: one field per global token (the list comes from the components' CSS, see
// support/tokens.ts), each change set on the container of a finder, which re-themes at once. And a
// region's theme, applied through tokens only (no ::part, no other CSS).

const meta = {
  title: 'Theming/Editor',
  parameters: { msw: { handlers: { catalogue: catalogue() } } },
} satisfies Meta;

export default meta;
type Story = StoryObj;

const isColour = (token: string) => token.startsWith('--loket-color-');
/** `#0b5cad` from a fallback such as `#0b5cad` (a colour field takes six hex digits only). */
const hex = (value: string | null) => {
  const m = value?.match(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i)?.[1];
  if (!m) return '#000000';
  return `#${m.length === 3 ? [...m].map((c) => c + c).join('') : m}`.toLowerCase();
};

const finder = html`<loket-service-finder api-base=${API_BASE} region=${demo.region} query=${demo.search} no-history></loket-service-finder>`;

function setToken(event: Event) {
  const input = event.target as HTMLInputElement;
  const preview = input.closest('.theme-editor')?.querySelector<HTMLElement>('.theme-preview');
  if (input.value) preview?.style.setProperty(input.name, input.value);
  else preview?.style.removeProperty(input.name);
}

/** Change a token, see the finder follow. The CSS to copy is shown under the fields. */
export const LiveEditor: Story = {
  render: () => {
    const tokens = [...globalTokens()];
    return html`
      <div class="theme-editor" style="display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr))">
        <form aria-label="Theme tokens" @input=${setToken} @submit=${(e: Event) => e.preventDefault()}>
          ${tokens.map(
            ([name, fallback]) => html`
              <label style="display: flex; justify-content: space-between; gap: 0.5rem; margin-block: 0.25rem">
                <code>${name}</code>
                ${
                  isColour(name)
                    ? html`<input type="color" name=${name} .value=${hex(fallback)} />`
                    : html`<input type="text" name=${name} placeholder=${fallback ?? ''} size="12" />`
                }
              </label>
            `,
          )}
        </form>
        <div class="theme-preview">${finder}</div>
      </div>
    `;
  },
  play: async ({ canvasElement, userEvent }) => {
    const { view } = await finderIn(canvasElement);
    await view.findByRole('heading', { level: 2, name: /layanan untuk|services for/ }, patience);
    const field = canvasElement.querySelector<HTMLInputElement>('input[name="--loket-color-primary"]');
    if (!field) throw new Error('no field for --loket-color-primary');
    const link = (await view.findAllByRole('link'))[0] as HTMLElement;
    const before = getComputedStyle(link).color;
    // A colour field has no text to type: set it as the picker does, with an input event.
    field.value = '#7a1f5c';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await waitFor(() => expect(getComputedStyle(link).color).toBe('rgb(122, 31, 92)'));
    await expect(before).not.toBe('rgb(122, 31, 92)');

    const radius = canvasElement.querySelector<HTMLInputElement>('input[name="--loket-radius"]');
    if (!radius) throw new Error('no field for --loket-radius');
    await userEvent.type(radius, '0');
    const input = view.getByRole('combobox', { name: /Cari layanan|Search services/ });
    await waitFor(() => expect(getComputedStyle(input).borderTopLeftRadius).toBe('0px'));
  },
};

/**
 * A region's theme through tokens only: what a regional site puts in its stylesheet. The palette is an
 * example (a green and gold one, as many regional sites use), not any region's official colours.
 */
const regionTheme = [
  '--loket-color-primary: #1f6f43',
  '--loket-color-on-primary: #ffffff',
  '--loket-color-focus: #c99a00',
  '--loket-color-surface: #eef6f0',
  '--loket-color-border: #4f6355',
  '--loket-color-text: #14251a',
  '--loket-radius: 0.75em',
  '--loket-font-family: Georgia, "Times New Roman", serif',
].join('; ');

export const RegionTheme: Story = {
  render: () => html`
    <div class="region-theme" style=${regionTheme}>${finder}</div>
    <details style="margin-block-start: 1rem">
      <summary>The stylesheet</summary>
      <pre><code>.region-theme { ${regionTheme}; }</code></pre>
    </details>
  `,
  play: async ({ canvasElement }) => {
    const { view } = await finderIn(canvasElement);
    const heading = await view.findByRole(
      'heading',
      { level: 2, name: /layanan untuk|services for/ },
      patience,
    );
    await expect(getComputedStyle(heading).fontFamily).toMatch(/^Georgia/);
    await expect(
      getComputedStyle(view.getByRole('combobox', { name: /Cari layanan|Search services/ }))
        .borderTopLeftRadius,
    ).not.toBe('0px');
    await expect(
      getComputedStyle(view.getByRole('combobox', { name: /Cari layanan|Search services/ })).borderTopColor,
    ).toBe('rgb(79, 99, 85)');
  },
};

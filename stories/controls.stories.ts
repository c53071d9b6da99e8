import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, render } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { API_BASE } from './msw/handlers';
import { board, call } from './msw/visits';
import { extractArgTypes, literals, publicProps } from './support/controls';
import { patience } from './support/finder';
import { reference } from './support/tokens';
import { visitIn } from './support/visits';

// The Controls tab works for every public property of every component: each has a control (from
// custom-elements.json), and each component's stories render the arg onto the element, so changing
// the control changes the component (Storybook renders again with the new args, as done here).

type Render = (args: Record<string, unknown>, context: unknown) => unknown;
interface StoriesModule {
  default: { component?: string; tags?: string[]; args?: Record<string, unknown>; render?: Render };
}

/** Each component's main stories (the ones with a docs page). */
const mains = Object.values(import.meta.glob<StoriesModule>('./loket-*.stories.ts', { eager: true }))
  .map((m) => m.default)
  .filter((meta) => meta.component && meta.tags?.includes('autodocs'));

/** Two values a control can give a property of `type`. */
function twoValues(type: string): [unknown, unknown] {
  const options = literals(type);
  if (options) return [options[0], options[1] ?? undefined];
  if (type.startsWith('boolean')) return [true, false];
  if (type.startsWith('number')) return [3, 7];
  return ['control-one', 'control-two'];
}

const meta = {
  title: 'Checks/Controls',
  // The queue board's `heading` attribute shares its name with a part: the case that had no control.
  component: 'loket-queue-board',
  args: { 'api-base': API_BASE, location: 'mpp-surabaya-siola', heading: 'Loket A' },
  render: () => html`<div class="controls-check"></div>`,
  parameters: { msw: { handlers: { board: board([call(1, 1, 'A-001', 300)]) } } },
} satisfies Meta;

export default meta;

/**
 * Every public @Prop of every component has a control and reaches the element; changing the queue
 * board's heading changes what it shows.
 */
export const EveryPropertyHasAWorkingControl: StoryObj = {
  play: async ({ argTypes, canvasElement, args }) => {
    // The argTypes Storybook gave this story: the attribute keeps its control.
    await expect(argTypes.heading?.control).toMatchObject({ type: 'text' });
    await expect(argTypes.heading?.table?.category).toBe('attributes');
    await expect(argTypes['::part(heading)']?.control).toBe(false);

    const tags = reference.map((r) => r.tag);
    await expect(mains.map((m) => m.component).sort()).toEqual(tags);
    for (const main of mains) {
      const tag = main.component as string;
      const types = extractArgTypes(tag) ?? {};
      const box = document.createElement('div'); // not in the page: no component starts loading
      for (const p of publicProps(tag)) {
        const control = types[p.attribute]?.control;
        await expect({ tag, attribute: p.attribute, control }).toMatchObject({
          control: { type: expect.any(String) },
        });
        const [first, second] = twoValues(p.type);
        const rendered = (value: unknown) => {
          render((main.render as Render)({ ...main.args, [p.attribute]: value }, { viewMode: 'story' }), box);
          return (box.querySelector(tag) as unknown as Record<string, unknown>)[p.field];
        };
        await expect({ tag, field: p.field, value: rendered(first) }).toEqual({
          tag,
          field: p.field,
          value: first,
        });
        await expect({ tag, field: p.field, value: rendered(second) }).toEqual({
          tag,
          field: p.field,
          value: second,
        });
      }
      render(html``, box);
    }

    // A control changed in the Controls tab: the story renders again with the new args.
    const stage = canvasElement.querySelector('.controls-check') as HTMLElement;
    const boardRender = mains.find((m) => m.component === 'loket-queue-board')?.render as Render;
    render(boardRender(args, { viewMode: 'story' }), stage);
    const { view } = await visitIn(canvasElement, 'loket-queue-board');
    await expect(await view.findByRole('heading', { name: 'Loket A' }, patience)).toBeVisible();
    render(boardRender({ ...args, heading: 'Loket B' }, { viewMode: 'story' }), stage);
    await waitFor(() => expect(view.getByRole('heading', { name: 'Loket B' })).toBeVisible());
  },
};

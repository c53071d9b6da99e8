import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { demo } from './msw/demo';
import { API_BASE, catalogue } from './msw/handlers';
import { props } from './support/controls';
import { finderIn, finderWords, patience } from './support/finder';
import { escapeRegExp, shown } from './support/locale';

// <loket-service-finder> before a search, on the recorded catalogue of Kota Surabaya: life events
// and categories to browse, one life event's services in order, one category's services. Its other
// states: loket-service-finder.stories.ts. The words follow the Language toolbar (finderWords).

interface BrowseArgs {
  'api-base': string;
  region: string;
}

const meta = {
  title: 'Components/Service finder/Browsing',
  component: 'loket-service-finder',
  args: { 'api-base': API_BASE, region: demo.region },
  render: (args) => html`<loket-service-finder ${props(args)}></loket-service-finder>`,
  parameters: { msw: { handlers: { catalogue: catalogue() } } },
} satisfies Meta<BrowseArgs>;

export default meta;
type Story = StoryObj<BrowseArgs>;

/** A life event's link, e.g. "Kelahiran Anak, 5 langkah": its name first. */
const eventLink = (w: ReturnType<typeof finderWords>, event: string) => ({
  name: new RegExp(`^${escapeRegExp(w.lifeEvent(event).name)}`),
});

/**
 * Before a search: life events and categories to browse (GET /v1/life-events, /v1/categories)
 * instead of the whole catalogue, two tiles a row on a phone.
 */
export const Browse: Story = {
  play: async ({ canvasElement, globals }) => {
    const w = finderWords(globals);
    const { root, view } = await finderIn(canvasElement);
    await expect(
      await view.findByRole('heading', { level: 2, name: w.browse.events }, patience),
    ).toBeVisible();
    await expect(view.getByRole('heading', { level: 2, name: w.browse.categories })).toBeVisible();
    await expect(root.querySelectorAll('a[data-event]')).toHaveLength(10);
    await expect(view.getByRole('link', eventLink(w, 'kelahiran'))).toBeVisible();
  },
};

/** A life event opened: its services in order, why each is needed and what it produces, then those only needed sometimes. */
export const BrowseLifeEvent: Story = {
  play: async ({ canvasElement, globals, userEvent }) => {
    const w = finderWords(globals);
    const birth = w.lifeEvent('kelahiran');
    const { root, view } = await finderIn(canvasElement);
    await userEvent.click(await view.findByRole('link', eventLink(w, 'kelahiran'), patience));
    const heading = await view.findByRole('heading', { level: 2, name: birth.name }, patience);
    await waitFor(() => expect(root.activeElement).toBe(heading));
    const steps = [...root.querySelectorAll('ol.path h4 a')].map((a) => a.textContent);
    await expect(steps[0]).toBe(birth.steps[0]?.service.name); // Penerbitan Akta Kelahiran
    await expect(view.getByText(birth.steps[0]?.why ?? '')).toBeVisible();
    await expect(view.getByRole('heading', { level: 3, name: w.browse.conditional })).toBeVisible();
  },
};

/** A category opened from browsing: its services, with the way back. */
export const BrowseCategory: Story = {
  play: async ({ canvasElement, globals, userEvent }) => {
    const w = finderWords(globals);
    const { view } = await finderIn(canvasElement);
    const category = new RegExp(`^${escapeRegExp(w.category('civil-registration')?.name ?? '')}`);
    await userEvent.click(await view.findByRole('link', { name: category }, patience));
    await expect(
      await view.findByRole('heading', { level: 2, name: shown(w.t.results.count.other) }, patience),
    ).toBeVisible();
    await expect(view.getByRole('link', { name: shown(w.browse.home, {}, true) })).toBeVisible();
  },
};

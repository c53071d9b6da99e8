import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { en } from '../packages/components/src/components/loket-queue-board/messages/en';
import { id } from '../packages/components/src/components/loket-queue-board/messages/id';
import { API_BASE } from './msw/handlers';
import { board, call } from './msw/visits';
import { props } from './support/controls';
import { patience } from './support/finder';
import { fill, inLocale } from './support/locale';
import { visitIn } from './support/visits';

/** The board's words in the story's language (the toolbar's, or the story's own). */
const words = (globals: Record<string, unknown>) => inLocale(globals, { id, en });

// <loket-queue-board> on MSW's Server-Sent Events (msw/visits.ts `board`): the calls of a
// morning at three counters, sent as the server sends them.

interface BoardArgs {
  'api-base': string;
  location: string;
  heading?: string;
}

const meta = {
  title: 'Components/Queue board',
  component: 'loket-queue-board',
  tags: ['autodocs'],
  args: {
    'api-base': API_BASE,
    location: 'mpp-surabaya-siola',
    heading: 'MPP Siola: nomor antrean dipanggil',
  },
  render: (args) => html`<loket-queue-board ${props(args)}></loket-queue-board>`,
  parameters: {
    layout: 'fullscreen',
    msw: {
      handlers: {
        board: board([call(1, 1, 'A-001', 300), call(2, 2, 'B-001', 240), call(3, 1, 'A-002', 120)]),
      },
    },
  },
} satisfies Meta<BoardArgs>;

export default meta;
type Story = StoryObj<BoardArgs>;

/** The numbers called so far today: the latest per counter, and the latest calls. */
export const Calls: Story = {
  play: async ({ canvasElement, globals }) => {
    const { root, view } = await visitIn(canvasElement, 'loket-queue-board');
    await expect(await view.findByText('A-002', {}, patience)).toBeVisible();
    await expect(view.getByText('B-001', { selector: '.number' })).toBeVisible();
    await waitFor(() =>
      expect(root.querySelector('[part~="connection"]')?.textContent).toBe(words(globals).live),
    );
  },
};

/** A new call arrives: it is shown at its counter and said in the live region. */
export const NewCall: Story = {
  parameters: { msw: { handlers: { board: board([call(1, 1, 'A-001', 300), call(2, 3, 'C-007')], 400) } } },
  play: async ({ canvasElement, globals }) => {
    const { root, view } = await visitIn(canvasElement, 'loket-queue-board');
    await expect(await view.findByText('C-007', { selector: '.number' }, patience)).toBeVisible();
    await waitFor(() =>
      expect(root.querySelector('[role="status"]')?.textContent).toBe(
        fill(words(globals).called, { number: 'C-007', counter: 'Loket 3' }),
      ),
    );
  },
};

/** Nobody called yet today. */
export const Empty: Story = {
  parameters: { msw: { handlers: { board: board([]) } } },
  play: async ({ canvasElement, globals }) => {
    const { view } = await visitIn(canvasElement, 'loket-queue-board');
    await expect(await view.findByText(words(globals).empty, {}, patience)).toBeVisible();
  },
};

/** `lang="en"`. */
export const English: Story = {
  globals: { locale: 'en' },
  args: { heading: undefined },
  play: async ({ canvasElement }) => {
    const { view } = await visitIn(canvasElement, 'loket-queue-board');
    await expect(await view.findByRole('heading', { name: en.heading }, patience)).toBeVisible();
  },
};

/** A phone held up in the hall (412 px): the counters stack. */
export const Narrow: Story = {
  globals: { viewport: { value: 'narrow', isRotated: false } },
  play: async ({ canvasElement }) => {
    const { view } = await visitIn(canvasElement, 'loket-queue-board');
    await view.findByText('A-002', {}, patience);
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
  },
};

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor, within } from 'storybook/test';
import { en } from '../packages/components/src/components/loket-service-performance/messages/en';
import { id } from '../packages/components/src/components/loket-service-performance/messages/id';
import { API_BASE } from './msw/handlers';
import { type Example, performanceApi, performanceFailing, performanceSlow } from './msw/performance';
import { props } from './support/controls';
import { patience } from './support/finder';
import { fill, inLocale } from './support/locale';

/** The component's words in the story's language (the toolbar's, or the story's own). */
const words = (globals: Record<string, unknown>) => inLocale(globals, { id, en });
/** A band as the component says it: "Mutu B: Baik", or "Grade B: Baik (good)" (the regulation's label kept). */
const bandText = (globals: Record<string, unknown>, mutu: 'A' | 'B' | 'C' | 'D', kinerja: string) =>
  fill(words(globals).band, { mutu, kinerja: `${kinerja}${words(globals).bandEn[mutu]}` });

// Every state of <loket-service-performance>: each band A–D, a region with too few responses,
// nothing in the period, loading, an error. The figures are SYNTHETIC examples computed by the
// SDK's own rules (msw/performance.ts), never a region's real results.

interface PerformanceArgs {
  'api-base': string;
  region: string;
  period: string;
}

const meta = {
  title: 'Components/Service performance',
  component: 'loket-service-performance',
  tags: ['autodocs'],
  args: { 'api-base': API_BASE, region: '35.78', period: '2026' },
  render: (args) => html`
    <loket-service-performance ${props(args)}></loket-service-performance>
  `,
  parameters: { msw: { handlers: { performance: performanceApi('B') } } },
} satisfies Meta<PerformanceArgs>;

export default meta;
type Story = StoryObj<PerformanceArgs>;

async function performanceIn(canvasElement: HTMLElement) {
  const el = canvasElement.querySelector('loket-service-performance');
  if (!el) throw new Error('No <loket-service-performance> in this story');
  await customElements.whenDefined('loket-service-performance');
  await waitFor(() => expect(el.shadowRoot?.querySelector('[part~="base"]')).toBeTruthy(), patience);
  const root = el.shadowRoot as ShadowRoot;
  return { el, root, view: within(root as unknown as HTMLElement) };
}

/** A band's story: its mutu and the regulation's label, nine bars, the trend's months. */
const band = (mutu: 'A' | 'B' | 'C' | 'D', kinerja: string): Story => ({
  parameters: { msw: { handlers: { performance: performanceApi(mutu as Example) } } },
  play: async ({ canvasElement, globals }) => {
    const { root, view } = await performanceIn(canvasElement);
    await expect(await view.findByText(bandText(globals, mutu, kinerja), {}, patience)).toBeVisible();
    await expect(root.querySelectorAll('[part~="unsur"] rect.bar')).toHaveLength(9);
    const bars = [...root.querySelectorAll('[part~="trend"] rect')].length;
    await expect(root.querySelectorAll('[part~="trend"] tbody tr')).toHaveLength(bars);
  },
});

/** IKM 88,31–100: mutu A, Sangat Baik. */
export const BandA = band('A', 'Sangat Baik');
/** IKM 76,61–88,30: mutu B, Baik. */
export const BandB = band('B', 'Baik');
/** IKM 65,00–76,60: mutu C, Kurang Baik. */
export const BandC = band('C', 'Kurang Baik');
/** IKM 25,00–64,99: mutu D, Tidak Baik. */
export const BandD = band('D', 'Tidak Baik');

/** Fewer than 10 responses in the region: no figure, only that and why (the respondents are protected). */
export const Withheld: Story = {
  parameters: { msw: { handlers: { performance: performanceApi('withheld') } } },
  play: async ({ canvasElement, globals }) => {
    const { root, view } = await performanceIn(canvasElement);
    await expect(
      await view.findByText(fill(words(globals).withheldWhy, { min: 10 }), {}, patience),
    ).toBeVisible();
    await expect(root.querySelector('[part~="score"]')).toBeNull();
    await expect(root.querySelectorAll('[part~="trend"] rect.bar')).toHaveLength(0);
  },
};

/** No response and no application in the period. */
export const Empty: Story = {
  parameters: { msw: { handlers: { performance: performanceApi('empty') } } },
  play: async ({ canvasElement, globals }) => {
    const { view } = await performanceIn(canvasElement);
    await expect(await view.findByText(words(globals).empty, {}, patience)).toBeVisible();
  },
};

/** The figures are on their way: a placeholder shaped like them. */
export const Loading: Story = {
  parameters: { msw: { handlers: { performance: performanceSlow() } } },
  play: async ({ canvasElement }) => {
    const { root } = await performanceIn(canvasElement);
    await expect(root.querySelector('[part~="skeleton"]')).toBeTruthy();
  },
};

/** The API fails: the error and "Coba lagi". */
export const ErrorState: Story = {
  name: 'Error',
  parameters: { msw: { handlers: { performance: performanceFailing() } } },
  play: async ({ canvasElement, globals }) => {
    const { view } = await performanceIn(canvasElement);
    await expect(await view.findByRole('button', { name: words(globals).retry }, patience)).toBeVisible();
  },
};

/** Once the API is back, "Coba lagi" brings the figures. */
export const ErrorThenRetry: Story = {
  ...ErrorState,
  name: 'Error, then retry',
  tags: ['!autodocs'],
  play: async (context) => {
    await ErrorState.play?.(context);
    const { view } = await performanceIn(context.canvasElement);
    context.msw.use(...performanceApi('B'));
    await context.userEvent.click(view.getByRole('button', { name: words(context.globals).retry }));
    await expect(await view.findByText(bandText(context.globals, 'B', 'Baik'), {}, patience)).toBeVisible();
  },
};

/** `lang="en"`: the page in English, the bands' labels the regulation's. */
export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const { view } = await performanceIn(canvasElement);
    await expect(await view.findByText('Grade B: Baik (good)', {}, patience)).toBeVisible();
    await expect(view.getByRole('heading', { name: 'Service performance' })).toBeVisible();
  },
};

/** A 320 px phone: the summary, charts and services stack; nothing scrolls sideways. */
export const Narrow: Story = {
  globals: { viewport: { value: 'narrow', isRotated: false } },
  play: async ({ canvasElement, globals }) => {
    const { view } = await performanceIn(canvasElement);
    await view.findByText(bandText(globals, 'B', 'Baik'), {}, patience);
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
  },
};

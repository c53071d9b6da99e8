import { expect, waitFor, within } from 'storybook/test';

/**
 * The tracker in a story's canvas, and Testing Library queries inside its shadow root (where
 * everything a citizen sees lives).
 */
export async function trackerIn(canvasElement: HTMLElement) {
  const el = canvasElement.querySelector('loket-status-tracker');
  if (!el) throw new Error('No <loket-status-tracker> in this story');
  await customElements.whenDefined('loket-status-tracker');
  await waitFor(() => expect(el.shadowRoot?.querySelector('.tracker')).toBeTruthy());
  const root = el.shadowRoot as ShadowRoot;
  return { el, root, view: within(root as unknown as HTMLElement) };
}

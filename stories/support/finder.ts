import { expect, waitFor, within } from 'storybook/test';

/**
 * The finder in a story's canvas, and Testing Library queries inside its shadow root (where
 * everything a citizen sees lives).
 */
export async function finderIn(canvasElement: HTMLElement) {
  const el = canvasElement.querySelector('loket-service-finder');
  if (!el) throw new Error('No <loket-service-finder> in this story');
  await customElements.whenDefined('loket-service-finder');
  await waitFor(() => expect(el.shadowRoot?.querySelector('.finder')).toBeTruthy());
  const root = el.shadowRoot as ShadowRoot;
  return { el, root, view: within(root as unknown as HTMLElement) };
}

/** Long enough for the SDK's retries (0.3 s + 0.6 s) and a slow CI machine. */
export const patience = { timeout: 5000 };

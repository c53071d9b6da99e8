import { expect, waitFor, within } from 'storybook/test';

/**
 * What the story's device knows of applications (the tracker's list, the one shown in this tab,
 * the form's records), forgotten: every tracker story starts as on a new device.
 */
export function forgetDevice(): void {
  sessionStorage.removeItem('loket:tracker:current');
  for (const name of Object.keys(localStorage))
    if (name.startsWith('loket:tracker:') || name.startsWith('loket:application:'))
      localStorage.removeItem(name);
}

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

import { configure, expect, waitFor, within } from 'storybook/test';

// Testing Library prints the DOM of a failed query, which it cannot do for a shadow root (the
// error would say only that): the query's own message instead.
configure({ getElementError: (message) => new Error(message ?? 'not found') });

/** A visit component in a story's canvas, and Testing Library queries inside its shadow root. */
export async function visitIn(canvasElement: HTMLElement, tag: 'loket-visit-booking' | 'loket-queue-board') {
  const el = canvasElement.querySelector(tag);
  if (!el) throw new Error(`No <${tag}> in this story`);
  await customElements.whenDefined(tag);
  await waitFor(() => expect(el.shadowRoot?.querySelector('[part~="base"]')).toBeTruthy(), { timeout: 5000 });
  const root = el.shadowRoot as ShadowRoot;
  return { el, root, view: within(root as unknown as HTMLElement) };
}

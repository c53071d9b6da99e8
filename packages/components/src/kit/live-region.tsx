import { type FunctionalComponent, h } from '@stencil/core';

/**
 * `say(text)` for a component's polite live region, as GOV.UK Frontend does it: the region is
 * emptied, then filled on the next frame, so the same words said twice are read twice. `set`
 * writes the component's `@State` that `<LiveRegion>` shows.
 */
export function announcer(set: (text: string) => void): (text: string) => void {
  return (text) => {
    set('');
    requestAnimationFrame(() => set(text));
  };
}

/** The one polite live region of a component: async results are said here, not shown. */
export const LiveRegion: FunctionalComponent<{ text: string }> = ({ text }) => (
  <div role="status" aria-live="polite" class="visually-hidden">
    {text}
  </div>
);

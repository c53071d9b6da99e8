import { configure, expect, waitFor, within } from 'storybook/test';
import { en as bookingEn } from '../../packages/components/src/components/loket-visit-booking/messages/en';
import { id as bookingId } from '../../packages/components/src/components/loket-visit-booking/messages/id';
import { en as lookupEn } from '../../packages/components/src/components/loket-visit-booking/messages/lookup/en';
import { id as lookupId } from '../../packages/components/src/components/loket-visit-booking/messages/lookup/id';
import { storyLocale } from './locale';

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

/**
 * What the booking says in the story's language (the Language toolbar's, or the story's own): its
 * dictionaries, and `say` for the days and times it writes itself, given in both.
 */
export function bookingWords(globals: Record<string, unknown>) {
  const lang = storyLocale(globals);
  return {
    lang,
    t: { id: bookingId, en: bookingEn }[lang],
    lookup: { id: lookupId, en: lookupEn }[lang],
    say: <T>(words: { id: T; en: T }) => words[lang],
  };
}

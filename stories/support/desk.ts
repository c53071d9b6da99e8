import { expect, waitFor, within } from 'storybook/test';
import { en } from '../../packages/components/desk/messages/en';
import { id } from '../../packages/components/desk/messages/id';
import type { DeskMessages } from '../../packages/components/desk/messages/types';
import { patience } from './finder';
import { inLocale } from './locale';

// What the officer desk's stories share (loket-desk*.stories.ts): the desk's words, where a story
// opens it, and its screens' shadow roots to query.

/** The desk's words in the story's language (the Language toolbar's). */
export const wordsOf = (globals: Record<string, unknown>): DeskMessages => inLocale(globals, { id, en });

/** Where a story opens the desk (the screen is in the address's fragment). */
export const at = (hash: string) => () => {
  history.replaceState(null, '', hash);
  return () => history.replaceState(null, '', '#');
};

/** The desk's shadow root, and a screen's inside it, for queries (testing-library stops at a shadow root). */
export async function deskIn(canvasElement: HTMLElement) {
  await customElements.whenDefined('loket-desk');
  const desk = canvasElement.querySelector('loket-desk');
  await waitFor(() => expect(desk?.shadowRoot?.querySelector('[part~="base"]')).toBeTruthy(), patience);
  const root = desk?.shadowRoot as ShadowRoot;
  const screen = async (tag: string) => {
    await waitFor(
      () => expect(root.querySelector(tag)?.shadowRoot?.querySelector('[part~="base"]')).toBeTruthy(),
      patience,
    );
    return within(root.querySelector(tag)?.shadowRoot as unknown as HTMLElement);
  };
  return { root, view: within(root as unknown as HTMLElement), screen };
}

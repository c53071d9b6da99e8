import { expect, waitFor, within } from 'storybook/test';
import { en as trackerEn } from '../../packages/components/src/components/loket-status-tracker/messages/en';
import { id as trackerId } from '../../packages/components/src/components/loket-status-tracker/messages/id';
import { en as recoveryEn } from '../../packages/components/src/components/loket-status-tracker/messages/recovery/en';
import { id as recoveryId } from '../../packages/components/src/components/loket-status-tracker/messages/recovery/id';
import { en as withdrawEn } from '../../packages/components/src/components/loket-status-tracker/messages/withdraw/en';
import { id as withdrawId } from '../../packages/components/src/components/loket-status-tracker/messages/withdraw/id';
import { storyLocale } from './locale';

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

/**
 * What the tracker says in the story's language (the Language toolbar's, or the story's own): its
 * dictionaries, and `say` for the words it builds itself (dates in Jakarta time), given in both.
 */
export function trackerWords(globals: Record<string, unknown>) {
  const lang = storyLocale(globals);
  return {
    lang,
    t: { id: trackerId, en: trackerEn }[lang],
    withdraw: { id: withdrawId, en: withdrawEn }[lang],
    say: <T>(words: { id: T; en: T }) => words[lang],
  };
}

/** The words of "Lupa kode rahasia?" (its own chunk and dictionary). */
export const recoveryWords = (lang: 'id' | 'en') => ({ id: recoveryId, en: recoveryEn })[lang];

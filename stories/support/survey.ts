import { SKM_UNSUR } from '@loket/sdk/rules';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { en } from '../../packages/components/src/components/loket-satisfaction-survey/messages/en';
import { id } from '../../packages/components/src/components/loket-satisfaction-survey/messages/id';
import { patience } from './finder';

/** The survey's words in a story's language. */
export const surveyWords = (lang: 'id' | 'en') => ({ id, en })[lang];

/** The survey in a story's canvas (or inside the tracker's shadow root), with queries inside its own. */
export async function surveyIn(canvasElement: HTMLElement | ShadowRoot) {
  await waitFor(
    () => expect(canvasElement.querySelector('loket-satisfaction-survey')).toBeTruthy(),
    patience,
  );
  const el = canvasElement.querySelector('loket-satisfaction-survey') as HTMLElement;
  await customElements.whenDefined('loket-satisfaction-survey');
  await waitFor(() => expect(el.shadowRoot?.querySelector('[part~="base"]')).toBeTruthy(), patience);
  const root = el.shadowRoot as ShadowRoot;
  return { el, root, view: within(root as unknown as HTMLElement) };
}

type View = Awaited<ReturnType<typeof surveyIn>>['view'];

/** "Mulai survei" (or "Start the survey"), then the nine questions. */
export async function startSurvey(view: View, lang: 'id' | 'en' = 'id') {
  await userEvent.click(await view.findByRole('button', { name: surveyWords(lang).start }, patience));
  await view.findByRole('group', { name: `9. ${SKM_UNSUR[8]?.name[lang]}` });
}

/** Chooses `scores[i]` in question i + 1, by the regulation's words, then sends. */
export async function answerAndSend(view: View, scores: readonly number[], lang: 'id' | 'en' = 'id') {
  for (const [i, score] of scores.entries()) {
    const u = SKM_UNSUR[i];
    if (!u) continue;
    const group = view.getByRole('group', { name: `${u.no}. ${u.name[lang]}` });
    await userEvent.click(within(group).getByRole('radio', { name: u.labels[lang][score - 1] }));
  }
  await userEvent.click(view.getByRole('button', { name: surveyWords(lang).send }));
}

export const ALL_GOOD = [4, 4, 4, 4, 4, 4, 4, 4, 4] as const;

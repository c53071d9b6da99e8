/**
 * Browser-side helpers for the <loket-satisfaction-survey> tests: the survey mounted on the real
 * API (test/global-setup.ts) and answered as a person does, by clicking the regulation's answers.
 */
import { SKM_UNSUR } from '@loket/sdk/rules';
import { expect, inject } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { addToPage } from './tracker';

export const SURVEY = 'loket-satisfaction-survey';

/** Mounts a survey on the real API; `attrs` add attributes. */
export function mountSurvey(attrs: Record<string, string> = {}, parent?: HTMLElement): HTMLElement {
  const el = document.createElement(SURVEY);
  for (const [name, value] of Object.entries({ 'api-base': inject('apiBase'), ...attrs }))
    el.setAttribute(name, value);
  if (parent) parent.append(el);
  else addToPage(el);
  return el;
}

/** The radio group of unsur `no` (1–9), by its legend. */
export const question = (no: number, lang: 'id' | 'en' = 'id') =>
  page.getByRole('group', { name: `${no}. ${SKM_UNSUR[no - 1]?.name[lang]}` });

/** Chooses `scores[i]` (1–4) in question i + 1 by clicking its label (the regulation's words). */
export async function answer(scores: readonly number[], lang: 'id' | 'en' = 'id'): Promise<void> {
  for (const [i, score] of scores.entries()) {
    const label = SKM_UNSUR[i]?.labels[lang][score - 1] ?? '';
    await userEvent.click(question(i + 1, lang).getByRole('radio', { name: label, exact: true }));
  }
}

/** "Mulai survei", then the nine questions are there. */
export async function begin(lang: 'id' | 'en' = 'id'): Promise<void> {
  await userEvent.click(
    page.getByRole('button', { name: lang === 'id' ? 'Mulai survei' : 'Start the survey' }),
  );
  await expect.element(question(9, lang)).toBeVisible();
}

/** "Kirim jawaban". */
export const send = () => userEvent.click(page.getByRole('button', { name: 'Kirim jawaban' }));

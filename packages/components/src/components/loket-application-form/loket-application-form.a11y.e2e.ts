import '../../../dist/components/loket-application-form.js';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { darkTheme, violations } from '../../../test/a11y';
import { addStyle, addToPage, shadow } from '../../../test/finder';
import { fillToCheck, heading, mountForm, step, submitFromCheck, TITLE } from '../../../test/form';

/** Step 1 after Continue without answers: the error summary and an error by every field. */
async function stepWithErrors() {
  await userEvent.click(page.getByRole('button', { name: /^Mulai/ }));
  await expect.element(heading(step(1, 'Data pemohon'))).toBeVisible();
  await userEvent.fill(page.getByLabelText('NIK', { exact: true }), '1234');
  await userEvent.click(page.getByRole('button', { name: 'Lanjut' }));
  // The validator may still be on its way on a busy machine (it loads after the first render).
  await expect.element(page.getByRole('heading', { name: 'Ada masalah' }), { timeout: 15_000 }).toBeVisible();
}

/** Nothing wider than the screen: the page never scrolls sideways. */
async function fitsWidth(form: HTMLElement) {
  const wide = [...shadow(form).querySelectorAll('*')].filter(
    (el) => el.getBoundingClientRect().right > window.innerWidth,
  );
  expect(wide.map((el) => el.outerHTML.slice(0, 80))).toEqual([]);
  await expect.poll(() => document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
  const base = shadow(form).querySelector('.form') as HTMLElement;
  expect(base.scrollWidth).toBeLessThanOrEqual(base.clientWidth);
}

afterEach(async () => {
  await page.viewport(1024, 768);
});

describe('axe-core finds no violations', () => {
  it('on the prepare page', async () => {
    const form = await mountForm();
    await expect.element(heading(TITLE)).toBeVisible();
    expect(await violations(form)).toEqual([]);
  });

  it('on a step with errors', async () => {
    const form = await mountForm();
    await stepWithErrors();
    expect(await violations(form)).toEqual([]);
  });

  it('on check your answers, with the declaration error, and on the confirmation', async () => {
    const form = await mountForm({ 'tracker-href': '/lacak.html' });
    await fillToCheck();
    await userEvent.click(page.getByRole('button', { name: 'Kirim permohonan' }));
    await expect.element(page.getByRole('heading', { name: 'Ada masalah' })).toBeVisible();
    expect(await violations(form)).toEqual([]);
    await submitFromCheck(form);
    expect(await violations(form)).toEqual([]);
  });

  it('in English', async () => {
    const wrapper = addToPage(document.createElement('div'));
    wrapper.lang = 'en';
    const form = await mountForm({}, wrapper);
    await expect.element(page.getByRole('heading', { level: 3, name: 'What you need' })).toBeVisible();
    expect(await violations(form)).toEqual([]);
    await userEvent.click(page.getByRole('button', { name: /^Start/ }));
    await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    await expect.element(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect.element(heading(/^Step 1 of 3\s*:\s*Applicant$/)).toBeVisible();
    expect(await violations(form)).toEqual([]);
  });

  it('in the dark theme', async () => {
    addStyle(darkTheme);
    document.documentElement.dataset.loketTheme = 'dark';
    const form = await mountForm();
    await expect.element(heading(TITLE)).toBeVisible();
    // The theme really applies (its text colour, not the default one).
    expect(getComputedStyle(shadow(form).querySelector('.form') as Element).color).toBe('rgb(233, 236, 239)');
    expect(await violations(form)).toEqual([]);
    await stepWithErrors();
    expect(await violations(form)).toEqual([]);
    await userEvent.click(page.getByRole('button', { name: /^Kembali/ }));
    await fillToCheck();
    expect(await violations(form)).toEqual([]);
    await submitFromCheck(form);
    expect(await violations(form)).toEqual([]);
  });
});

describe('small screens', () => {
  it('at 320 px nothing scrolls sideways, on every page', async () => {
    await page.viewport(320, 640);
    const form = await mountForm({ 'tracker-href': '/lacak.html' });
    await expect.element(heading(TITLE)).toBeVisible();
    await fitsWidth(form);
    await stepWithErrors();
    await fitsWidth(form);
    await userEvent.click(page.getByRole('button', { name: /^Kembali/ }));
    await fillToCheck();
    await fitsWidth(form);
    await submitFromCheck(form);
    await fitsWidth(form);
  });

  it('every button and field is at least 44 px high', async () => {
    const form = await mountForm();
    await stepWithErrors();
    const controls = shadow(form).querySelectorAll<HTMLElement>(
      'button, input:not([type="checkbox"]):not([type="radio"]), select, textarea',
    );
    expect(controls.length).toBeGreaterThan(3);
    for (const control of controls)
      expect(control.getBoundingClientRect().height, control.outerHTML).toBeGreaterThanOrEqual(44);
    // A tick box is small; its whole row (box and label) is the target.
    await userEvent.click(page.getByRole('button', { name: /^Kembali/ }));
    const rows = shadow(form).querySelectorAll<HTMLElement>('.choice label');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows)
      expect(row.getBoundingClientRect().height, row.outerHTML).toBeGreaterThanOrEqual(44);
  });
});

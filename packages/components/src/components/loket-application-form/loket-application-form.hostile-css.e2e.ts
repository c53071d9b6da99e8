import '../../../dist/components/loket-application-form.js';
import { expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { addStyle, shadow } from '../../../test/finder';
import { anotherDevice, heading, mountForm, step } from '../../../test/form';

/** What a CMS theme does to every page it serves (and to every element on it). */
const CMS_THEME = `
  * {
    margin: 12px; padding: 7px; box-sizing: content-box;
    font-family: "Comic Sans MS", cursive; font-style: italic; font-weight: 300;
    letter-spacing: 2px; word-spacing: 6px; line-height: 3;
    text-transform: uppercase; text-align: justify; text-indent: 1.5em; color: #777;
  }
  html { font-size: 62.5%; }
  body { font-size: 1.3rem; text-shadow: 0 1px 0 #fff; }
  button, input, select, textarea { background: hotpink !important; border: 5px dotted red !important; }
  h2, h3 { font-size: 40px; text-transform: uppercase; }
  label { display: none; }
`;

const PROPERTIES = [
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'line-height',
  'letter-spacing',
  'word-spacing',
  'text-transform',
  'text-align',
  'text-shadow',
  'text-indent',
  'color',
  'display',
  'background-color',
  'border-top-style',
  'padding-top',
  'box-sizing',
];

const SELECTORS = [
  'h2',
  '.caption',
  '.label',
  '.hint',
  '.input',
  '.button.primary',
  '.link',
  '.error-message',
  '.error-summary a',
];

/** Step 1 after Continue with a wrong NIK: headings, labels, hints, inputs, errors, buttons. */
async function looks(): Promise<Record<string, Record<string, string>>> {
  const form = await mountForm();
  await userEvent.click(page.getByRole('button', { name: /^Mulai/ }));
  await expect.element(heading(step(1, 'Data pemohon'))).toBeVisible();
  await userEvent.fill(page.getByLabelText('NIK', { exact: true }), '1234');
  await userEvent.click(page.getByRole('button', { name: 'Lanjut' }));
  await expect.element(page.getByRole('heading', { name: 'Ada masalah' }), { timeout: 15_000 }).toBeVisible();
  const result: Record<string, Record<string, string>> = {};
  for (const selector of SELECTORS) {
    const el = shadow(form).querySelector(selector);
    expect(el, selector).not.toBeNull();
    const style = getComputedStyle(el as Element);
    result[selector] = Object.fromEntries(PROPERTIES.map((p) => [p, style.getPropertyValue(p)]));
  }
  return result;
}

it('looks the same under a CMS theme that styles every element of the page', async () => {
  const plain = await looks();
  anotherDevice();
  addStyle(CMS_THEME);
  expect(await looks()).toEqual(plain);
});

import '../../../dist/components/loket-application-form.js';
import { expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { addStyle, shadow } from '../../../test/finder';
import { anotherDevice, heading, mountForm, step } from '../../../test/form';
import { cmsTheme, TEXT_PROPERTIES } from '../../../test/hostile-css';

const CMS_THEME = cmsTheme(`
  button, input, select, textarea { background: hotpink !important; border: 5px dotted red !important; }
  h2, h3 { font-size: 40px; text-transform: uppercase; }
  label { display: none; }
`);

const PROPERTIES = [...TEXT_PROPERTIES, 'background-color', 'border-top-style', 'padding-top', 'box-sizing'];

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

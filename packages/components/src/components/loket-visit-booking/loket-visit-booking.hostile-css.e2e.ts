import '../../../dist/components/loket-visit-booking.js';
import { expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { addStyle } from '../../../test/finder';
import { cmsTheme, TEXT_PROPERTIES } from '../../../test/hostile-css';
import { mountVisit, shadow } from '../../../test/visits';

const CMS_THEME = cmsTheme(`
  button, input, table, td, th { background: hotpink !important; border: 5px dotted red !important; }
  h2, h3 { font-size: 40px; text-transform: uppercase; }
  table { border-collapse: separate; border-spacing: 20px; }
`);

const PROPERTIES = [...TEXT_PROPERTIES, 'background-color', 'border-top-style', 'padding-top'];
const SELECTORS = ['h2', 'h3', '.hint', '.day', '.open .day', 'th', '.button.primary', '.legend'];

/** The calendar step: headings, hints, the month's grid and its days, the buttons. */
async function looks(): Promise<Record<string, Record<string, string>>> {
  const el = mountVisit('loket-visit-booking', { service: 'ktp-el-hilang' });
  await userEvent.click(page.getByRole('radio', { name: /Siola/ }));
  await userEvent.click(page.getByRole('button', { name: 'Lanjut' }));
  await expect.element(page.getByRole('grid')).toBeVisible();
  const result: Record<string, Record<string, string>> = {};
  for (const selector of SELECTORS) {
    const found = shadow(el).querySelector(selector);
    expect(found, selector).not.toBeNull();
    const style = getComputedStyle(found as Element);
    result[selector] = Object.fromEntries(PROPERTIES.map((p) => [p, style.getPropertyValue(p)]));
  }
  el.remove();
  return result;
}

it('looks the same under a CMS theme that styles every element of the page', async () => {
  const plain = await looks();
  addStyle(CMS_THEME);
  expect(await looks()).toEqual(plain);
});

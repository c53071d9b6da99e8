import '../../../dist/components/loket-service-finder.js';
import { expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { addStyle, detailHeading, openFinder, resultsHeading, shadow } from '../../../test/finder';
import { cmsTheme, TEXT_PROPERTIES } from '../../../test/hostile-css';

const KTP_HILANG = 'Penggantian KTP-el karena Hilang';

const CMS_THEME = cmsTheme(`
  button, input, select {
    background: hotpink !important; border: 5px dotted red !important;
    width: 50px; height: 10px; font-size: 30px;
  }
  h2, h3, h4 { font-size: 40px; text-transform: uppercase; }
  a { color: yellow; text-decoration: none; }
  ul, ol { list-style: square; margin-left: 3em; }
  li { float: left; }
  label { display: none; }
  [hidden] { display: block !important; }
`);

const TEXT = [...TEXT_PROPERTIES, 'float'];
const BOX = [
  'background-color',
  'border-top-style',
  'border-top-width',
  'border-top-color',
  'padding-top',
  'padding-left',
  'margin-top',
  'box-sizing',
  'list-style-type',
];

/** Elements of each view, with the properties that must not change, sizes of content-sized ones. */
const VIEWS = {
  browse: {
    heading: '#loket-events-heading',
    tiles: 'ul.tiles',
    tile: 'a.tile',
    count: 'a.tile .small',
  },
  search: {
    label: 'label[for="loket-q"]',
    hint: '#loket-q-hint',
    input: '#loket-q',
    submit: 'button[type="submit"]',
    listbox: '#loket-suggestions',
    option: '.option',
  },
  results: {
    heading: '#loket-results-heading',
    select: '#loket-category',
    cards: 'ul.cards',
    card: 'li .card',
    link: 'a.card-link',
    term: '.facts dt',
    fact: '.facts dd',
  },
  detail: {
    back: 'a.back',
    heading: '#loket-detail-heading',
    apply: '.apply .button',
    checkbox: 'input.check',
    requirement: '.checklist label',
    steps: 'ol.steps',
    step: 'ol.steps li',
  },
} as const;

type Styles = Record<string, Record<string, string>>;

function styles(finder: HTMLElement, view: keyof typeof VIEWS): Styles {
  const out: Styles = {};
  for (const [name, selector] of Object.entries(VIEWS[view])) {
    const el = shadow(finder).querySelector<HTMLElement>(selector);
    if (!el) throw new Error(`${view}: nothing matches ${selector}`);
    const computed = getComputedStyle(el);
    const entry: Record<string, string> = {};
    for (const prop of [...TEXT, ...BOX]) entry[prop] = computed.getPropertyValue(prop);
    // Sizes of things sized by their own content, not by the width of the page.
    const box = el.getBoundingClientRect();
    // (The tiles are as high as the tallest of their row: sized by the grid, not by themselves.)
    if (name !== 'tiles' && name !== 'tile') entry.height = `${Math.round(box.height)}`;
    if (name === 'submit' || name === 'apply' || name === 'checkbox' || name === 'back') {
      entry.width = `${Math.round(box.width)}`;
    }
    out[`${view} ${name}`] = entry;
  }
  return out;
}

/** Searches, looks at the suggestions and results, opens a service; the styles of each view. */
async function journey(): Promise<Styles> {
  const finder = await openFinder({ 'no-history': '' });
  const browse = styles(finder, 'browse');
  await userEvent.click(page.getByRole('combobox', { name: 'Cari layanan' }));
  await userEvent.keyboard('ktp hilang');
  await expect.element(page.getByRole('listbox', { name: 'Saran layanan' })).toBeVisible();
  const search = styles(finder, 'search');

  await userEvent.keyboard('{Enter}');
  await expect.element(resultsHeading(/untuk “ktp hilang”$/)).toBeVisible();
  await expect.element(page.getByRole('listbox')).not.toBeInTheDocument();
  const results = styles(finder, 'results');

  await userEvent.click(page.getByRole('link', { name: KTP_HILANG }));
  await expect.element(detailHeading(KTP_HILANG)).toBeVisible();
  await expect.element(page.getByRole('button', { name: 'Ajukan secara daring' })).toBeVisible();
  const detail = styles(finder, 'detail');
  finder.remove();
  return { ...browse, ...search, ...results, ...detail };
}

it('looks and works the same under a hostile CMS theme', async () => {
  // Same viewport and container for both runs; only the page's stylesheet differs.
  const clean = await journey();
  addStyle(CMS_THEME);
  // The theme is in force on the page itself.
  expect(getComputedStyle(document.body).letterSpacing).toBe('2px');
  const hostile = await journey();
  expect(hostile).toEqual(clean);
});

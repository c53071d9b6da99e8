import type { SatisfactionCell, UnsurResult } from '@loket/sdk';
import { type FunctionalComponent, h } from '@stencil/core';
import { intlLocale, type Locale, plural } from '../../i18n';
import type { PerformanceMessages } from './messages';
import { monthName } from './periods';

// The two charts, drawn as SVG by hand (no chart library: a bar chart is a few rectangles, and any
// library would weigh more than this file). The SVG is made with createElementNS, not JSX: SVG in
// JSX turns on the Stencil runtime's SVG mode, which every component's first load would then carry.
// Each chart is an image whose name says where its figures are; the data table behind it (in
// <details>, for screen readers and for copying) holds every figure the bars show, and the bars
// carry them as data-value.

interface ChartProps {
  locale: Locale;
  t: PerformanceMessages;
}

/** A number as the locale writes it, with `digits` decimals ("81,40"). */
export const num = (locale: Locale, value: number, digits = 2) =>
  new Intl.NumberFormat(intlLocale[locale], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);

/** An SVG element with its attributes and children (text becomes text nodes, never markup). */
function s(tag: string, attrs: Record<string, string | number>, ...children: (Node | string)[]): SVGElement {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  el.append(...children);
  return el;
}

/** The place of a chart's SVG, drawn again with each render. */
const Plot: FunctionalComponent<{ draw: () => SVGElement }> = ({ draw }) => (
  <div class="plot" ref={(el) => el?.replaceChildren(draw())} />
);

const WIDTH = 320;

/** The nine unsur as horizontal bars on 0–100 (NRR × 25), the name above each. */
export const UnsurChart: FunctionalComponent<ChartProps & { unsur: UnsurResult[] }> = ({
  locale,
  t,
  unsur,
}) => {
  const row = 40;
  const bar = WIDTH - 56;
  const draw = () =>
    s(
      'svg',
      { viewBox: `0 0 ${WIDTH} ${unsur.length * row}`, role: 'img', 'aria-label': t.unsurChart },
      ...unsur.map((u, i) =>
        s(
          'g',
          {},
          s('text', { x: 0, y: i * row + 13 }, `${u.no}. ${u.name}`),
          s('rect', { class: 'track', x: 0, y: i * row + 18, width: bar, height: 14 }),
          s('rect', {
            class: 'bar',
            x: 0,
            y: i * row + 18,
            width: (bar * u.score) / 100,
            height: 14,
            'data-value': u.score,
          }),
          s('text', { x: WIDTH, y: i * row + 30, 'text-anchor': 'end' }, num(locale, u.score)),
        ),
      ),
    );
  return (
    <section class="chart" part="chart unsur" aria-labelledby="loket-perf-unsur">
      <h3 id="loket-perf-unsur">{t.unsurHeading}</h3>
      <Plot draw={draw} />
      <DataTable
        t={t}
        head={['No.', t.unsur, 'NRR', t.value]}
        rows={unsur.map((u) => [String(u.no), u.name, num(locale, u.nrr, 4), num(locale, u.score)])}
      />
    </section>
  );
};

/** The IKM of each month as columns on 0–100, with the bands' lower bounds; a withheld month dashed. */
export const TrendChart: FunctionalComponent<
  ChartProps & { months: string[]; cells: SatisfactionCell[] }
> = ({ locale, t, months, cells }) => {
  const [left, right, top, bottom] = [28, 300, 8, 150];
  const y = (v: number) => bottom - ((bottom - top) * v) / 100;
  const slot = (right - left) / Math.max(1, months.length);
  const width = Math.min(28, slot * 0.6);
  const cellOf = (m: string) => cells.find((c) => c.key === m);
  const line = (cls: string, v: number, label: string | number, x: number, anchor: string) => [
    s('line', { class: cls, x1: left, x2: right, y1: y(v), y2: y(v) }),
    s('text', { class: 'axis', x, y: y(v) + 3, 'text-anchor': anchor }, String(label)),
  ];
  const draw = () =>
    s(
      'svg',
      { viewBox: `0 0 ${WIDTH} 172`, role: 'img', 'aria-label': t.trendChart },
      ...[0, 25, 50, 75, 100].flatMap((v) => line('grid', v, v, left - 4, 'end')),
      ...(
        [
          ['A', 88.31],
          ['B', 76.61],
          ['C', 65],
        ] as const
      ).flatMap(([mutu, min]) => line('band-line', min, mutu, right + 4, 'start')),
      ...months.map((m, i) => {
        const cell = cellOf(m);
        const x = left + slot * i + (slot - width) / 2;
        const ikm = cell?.published ? (cell.ikm ?? 0) : null;
        return s(
          'g',
          {},
          ikm === null
            ? s('rect', { class: 'withheld', x, y: y(25), width, height: bottom - y(25), 'data-month': m })
            : s('rect', {
                class: 'bar',
                x,
                y: y(ikm),
                width,
                height: bottom - y(ikm),
                'data-month': m,
                'data-value': ikm,
              }),
          s(
            'text',
            { class: 'axis', x: x + width / 2, y: bottom + 14, 'text-anchor': 'middle' },
            monthName(locale, m, 'short'),
          ),
        );
      }),
    );
  return (
    <section class="chart" part="chart trend" aria-labelledby="loket-perf-trend">
      <h3 id="loket-perf-trend">{t.trendHeading}</h3>
      <Plot draw={draw} />
      <p class="small legend">
        <span class="swatch" aria-hidden="true" /> {t.withheld}
      </p>
      <DataTable
        t={t}
        head={[t.month, 'IKM', t.respondentsHead, t.served]}
        rows={months.map((m) => {
          const cell = cellOf(m);
          const shown = cell?.published && cell.ikm !== null;
          return [
            monthName(locale, m, 'long'),
            shown ? `${num(locale, cell.ikm ?? 0)} (${cell.band?.mutu})` : t.withheld,
            shown ? plural(locale, { other: '{n}' }, cell.respondents ?? 0) : t.none,
            cell?.served === null || cell?.served === undefined
              ? t.none
              : plural(locale, { other: '{n}' }, cell.served),
          ];
        })}
      />
    </section>
  );
};

/** The figures behind a chart, as a table a screen reader reads and a person copies. */
const DataTable: FunctionalComponent<{ t: PerformanceMessages; head: string[]; rows: string[][] }> = ({
  t,
  head,
  rows,
}) => (
  <details class="data" part="data-table">
    <summary>{t.table}</summary>
    <table>
      <thead>
        <tr>
          {head.map((cell) => (
            <th scope="col">{cell}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr>{row.map((cell, i) => (i === 0 ? <th scope="row">{cell}</th> : <td>{cell}</td>))}</tr>
        ))}
      </tbody>
    </table>
  </details>
);

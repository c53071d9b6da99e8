/**
 * What the hostile-CSS tests put on the page: a CMS theme that styles every element, and the text
 * properties a component must keep under it.
 */

/** What a CMS theme does to every page it serves (and to every element on it); `extra`: more rules. */
export const cmsTheme = (extra: string) => `
  * {
    margin: 12px; padding: 7px; box-sizing: content-box;
    font-family: "Comic Sans MS", cursive; font-style: italic; font-weight: 300;
    letter-spacing: 2px; word-spacing: 6px; line-height: 3;
    text-transform: uppercase; text-align: justify; text-indent: 1.5em; color: #777;
  }
  html { font-size: 62.5%; }
  body { font-size: 1.3rem; text-shadow: 0 1px 0 #fff; }
${extra}`;

/** The text properties (and `display`) such a theme would change through inheritance or `*`. */
export const TEXT_PROPERTIES = [
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
];

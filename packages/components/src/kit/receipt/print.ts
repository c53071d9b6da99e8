// Printing one piece of a component, whatever page it sits on: the page's own layout, menus and
// footer are not ours to restyle, and a shadow root cannot hide them. So the piece is copied into
// a box of its own right under <body>, with the component's styles in a shadow root (the page's
// CSS cannot reach it), and while printing the page shows only that box. Both the box and the
// page rule are gone after printing. The page rule is a constructed stylesheet, not a <style>
// element, so a strict Content-Security-Policy (no inline styles) does not block it.

const MARK = 'data-loket-print';

const PAGE_RULES = `@media screen { [${MARK}] { display: none !important; } }
@media print {
  body > :not([${MARK}]) { display: none !important; }
  [${MARK}] { display: block !important; }
  html, body { background: #fff !important; margin: 0 !important; padding: 0 !important; }
}
@page { size: A4; margin: 15mm; }`;

let pageSheet: CSSStyleSheet | undefined;

/** Removes the print box and the page rule (after printing, or before the next print). */
export function endPrint(): void {
  for (const box of document.querySelectorAll(`[${MARK}]`)) box.remove();
  if (pageSheet) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== pageSheet);
}

/** Prints `node` (inside the shadow root `from`) alone on the page, with `from`'s styles. */
export function printAlone(from: ShadowRoot, node: Element): void {
  endPrint();
  const box = document.createElement('div');
  box.setAttribute(MARK, '');
  box.lang = from.host.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
  const root = box.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [...from.adoptedStyleSheets];
  for (const style of from.querySelectorAll('style')) root.append(style.cloneNode(true));
  root.append(node.cloneNode(true));
  document.body.append(box);
  pageSheet ??= new CSSStyleSheet();
  pageSheet.replaceSync(PAGE_RULES);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageSheet];
  addEventListener('afterprint', endPrint, { once: true });
  print();
}

/** A stylesheet a module imports (a `.css` file as its default export): Stencil gives a function returning its minified text. */
export type Css = () => string;

const sheets = new Map<Css, CSSStyleSheet>();

/**
 * Styles a view loaded on demand (the finder's detail, its browsing) in the component's shadow
 * root, after the component's own stylesheet: a view's CSS comes with its code instead of in every
 * first load. Each becomes one constructable stylesheet shared by every root (CSP does not
 * restrict them), added once per root. Browsers without them (Safari before 16.4) get a `<style>`
 * after the component's own, with the page's `<meta name="csp-nonce">`, as Stencil does.
 */
export function adoptStyles(root: ShadowRoot | null | undefined, ...styles: Css[]) {
  if (!root) return;
  for (const css of styles) {
    if (!('adoptedStyleSheets' in (root as object))) {
      styleElement(root, css());
      continue;
    }
    let sheet = sheets.get(css);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css());
      sheets.set(css, sheet);
    }
    if (!root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
}

function styleElement(root: ShadowRoot, text: string) {
  const own = [...root.querySelectorAll('style')];
  if (own.some((s) => s.textContent === text)) return;
  const style = document.createElement('style');
  style.textContent = text;
  style.nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
  root.insertBefore(style, own[own.length - 1]?.nextSibling ?? root.firstChild);
}

import { afterEach, describe, expect, it } from 'vitest';
import { adoptStyles } from './styles';

const hosts: Element[] = [];
afterEach(() => {
  for (const el of hosts.splice(0)) el.remove();
  document.querySelector('meta[name="csp-nonce"]')?.remove();
});

function shadowRoot() {
  const host = document.body.appendChild(document.createElement('div'));
  hosts.push(host);
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = '<p>text</p>';
  return root;
}

describe('adoptStyles: a view loaded on demand brings its styles', () => {
  it('adds one constructable stylesheet per text, once per root, after the root’s own, shared by every root', () => {
    const css = () => 'p { color: rgb(1, 2, 3); }';
    const a = shadowRoot();
    const b = shadowRoot();
    const own = new CSSStyleSheet();
    own.replaceSync('p { color: rgb(9, 9, 9); }');
    a.adoptedStyleSheets = [own];

    adoptStyles(a, css);
    adoptStyles(a, css);
    adoptStyles(b, css);
    expect(a.adoptedStyleSheets).toHaveLength(2);
    expect(a.adoptedStyleSheets[0]).toBe(own);
    expect(a.adoptedStyleSheets[1]).toBe(b.adoptedStyleSheets[0]);
    expect(getComputedStyle(a.querySelector('p') as Element).color).toBe('rgb(1, 2, 3)');
    adoptStyles(null, css); // a component without its shadow root yet: nothing
  });

  it('without constructable stylesheets: a <style> after the component’s own, with the page’s csp-nonce, once', () => {
    const meta = document.head.appendChild(document.createElement('meta'));
    meta.name = 'csp-nonce';
    meta.content = 'abc123';
    // A fragment stands in for a shadow root of a browser without adoptedStyleSheets.
    const root = document.createDocumentFragment();
    root.append(document.createElement('style'), document.createElement('p'));
    const css = () => 'p { color: red; }';

    adoptStyles(root as unknown as ShadowRoot, css);
    adoptStyles(root as unknown as ShadowRoot, css);
    const styles = root.querySelectorAll('style');
    expect(styles).toHaveLength(2);
    expect(styles[1]?.textContent).toBe('p { color: red; }');
    expect(styles[1]?.nonce).toBe('abc123');
    expect(styles[1]?.nextElementSibling?.localName).toBe('p');
  });
});

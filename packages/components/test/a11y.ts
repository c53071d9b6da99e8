/// <reference types="vite/client" />
/**
 * Accessibility checks shared by the components' a11y tests: axe-core on a component's shadow DOM,
 * and the themes each one is audited in.
 */
import axe from 'axe-core';
import { expect } from 'vitest';
import darkTheme from '../src/themes/dark.css?raw';
import highContrastTheme from '../src/themes/high-contrast.css?raw';

/**
 * axe-core on the component as it is shown now, shadow DOM included (axe walks open shadow roots;
 * the audit fails if it saw nothing inside this one). Every rule that is not experimental.
 */
export async function violations(el: HTMLElement): Promise<string[]> {
  const results = await axe.run(el, { resultTypes: ['violations', 'passes'] });
  const insideShadow = results.passes
    .flatMap((rule) => rule.nodes)
    .some((node) => node.target.some((selector) => Array.isArray(selector)));
  expect(insideShadow, 'axe audited the shadow root').toBe(true);
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
  );
}

/** The themes in src/themes/, each with the text colour that shows it really applies. */
export const THEMES = [
  { theme: 'dark', css: darkTheme, text: 'rgb(233, 236, 239)' },
  { theme: 'high-contrast', css: highContrastTheme, text: 'rgb(255, 255, 255)' },
] as const;

export { darkTheme };

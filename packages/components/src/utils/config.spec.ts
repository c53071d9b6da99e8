import { MockDocument } from '@stencil/core/mock-doc';
import { describe, expect, it } from 'vitest';
import { configValue } from './config';

// The `<meta name="loket-*">` fallback is tested in Chromium (loket-service-finder.e2e.ts): the
// mock DOM here has no `content` property on <meta>.
const page = (html: string) => new MockDocument(`<!doctype html><html><body>${html}</body></html>`);

describe('configValue', () => {
  it('takes the element’s own value first', () => {
    const doc = page('<div data-loket-api-base="https://ancestor.test"><x-finder id="f"></x-finder></div>');
    expect(configValue(doc.getElementById('f') as unknown as Element, 'api-base', 'https://own.test')).toBe(
      'https://own.test',
    );
  });

  it('then the closest ancestor’s data-loket-* attribute', () => {
    const doc = page(
      `<div data-loket-region="31.71" data-loket-api-base="https://outer.test">
         <section data-loket-region="35.78"><x-finder id="f"></x-finder></section>
       </div>`,
    );
    const el = doc.getElementById('f') as unknown as Element;
    expect(configValue(el, 'region', undefined)).toBe('35.78');
    expect(configValue(el, 'api-base', undefined)).toBe('https://outer.test');
  });

  it('skips an empty own value and gives undefined when nothing is set', () => {
    const doc = page('<div data-loket-region="35.78"><x-finder id="f"></x-finder></div>');
    const el = doc.getElementById('f') as unknown as Element;
    expect(configValue(el, 'region', '')).toBe('35.78');
    expect(configValue(el, 'api-base', undefined)).toBeUndefined();
  });
});

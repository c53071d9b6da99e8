/**
 * The screens the components are tested on (issue 14: phone first): a 412×915 phone and a
 * desktop, for `describe.each`. After each test the page is back at the desktop size.
 */
import { afterEach } from 'vitest';
import { page } from 'vitest/browser';

export const viewports = [
  ['phone', 412, 915],
  ['desktop', 1024, 768],
] as const;

afterEach(async () => {
  await page.viewport(1024, 768);
});

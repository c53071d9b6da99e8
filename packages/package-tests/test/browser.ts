import { type Browser, chromium, type Page } from 'playwright-core';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium' });
}

/** Console errors, uncaught exceptions and CSP violations of a page, for `expect(...).toEqual([])`. */
export async function watch(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  await page.exposeFunction('__loketViolation', (v: string) => problems.push(`csp: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) =>
        (window as unknown as { __loketViolation(v: string): void }).__loketViolation(
          `${e.effectiveDirective} ${e.blockedURI}`,
        ),
      true,
    );
  });
  return problems;
}

/** The finder's first view once it has data from the API: the life events' heading. */
export const FINDER_READY = { level: 2, name: 'Urusan menurut peristiwa hidup' } as const;

import { type Browser, chromium, type Locator, type Page } from 'playwright-core';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium' });
}

export interface Violation {
  directive: string;
  blockedURI: string;
  sample: string;
}

declare global {
  interface Window {
    __loketReportViolation(violation: Violation): void;
  }
}

/**
 * Records, across navigations, what would tell a developer something went wrong: CSP violations
 * (`securitypolicyviolation` events, which also come from inside shadow roots), console errors
 * and warnings, uncaught exceptions and failed requests (not API reads the page cancelled itself).
 */
export async function watch(page: Page) {
  const violations: Violation[] = [];
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  // Which page load each request belongs to: a GET still loading when the page navigates away
  // (a lazily loaded component chunk, say) is aborted by the browser, not failed.
  let loads = 0;
  const loadOf = new WeakMap<object, number>();
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) loads += 1;
    loadOf.set(request, loads);
  });
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? '';
    const aborted = error === 'net::ERR_ABORTED' && request.method() === 'GET';
    // A catalogue read the component itself cancelled (a newer keystroke's search replaces it).
    const superseded = aborted && new URL(request.url()).pathname.startsWith('/v1/');
    const leftBehind = aborted && !request.isNavigationRequest() && (loadOf.get(request) ?? loads) < loads;
    if (!superseded && !leftBehind) problems.push(`request failed: ${request.url()} ${error}`);
  });
  await page.exposeFunction('__loketReportViolation', (violation: Violation) => violations.push(violation));
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) =>
        window.__loketReportViolation({
          directive: event.effectiveDirective,
          blockedURI: event.blockedURI,
          sample: event.sample,
        }),
      true,
    );
  });
  return { violations, problems };
}

/** Is this element (possibly inside a shadow root) the one with focus? */
export function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => (el.getRootNode() as Document | ShadowRoot).activeElement === el);
}

/** Polls `check` until it holds (for state that settles after an animation frame). */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

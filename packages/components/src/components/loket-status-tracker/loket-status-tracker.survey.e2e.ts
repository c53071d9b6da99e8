import '../../../dist/components/loket-status-tracker.js';
// A bundler's page imports the survey next to the tracker (the tracker's results chunk renders
// the tag; Stencil sees no dependency in a module loaded on demand). The script-tag build's loader
// defines every tag.
import '../../../dist/components/loket-satisfaction-survey.js';
import { describe, expect, it } from 'vitest';
import { commands, page } from 'vitest/browser';
import { violations } from '../../../test/a11y';
import { answer, begin, send } from '../../../test/survey';
import { applicationIn, mountTracker, shadow, stateHeading } from '../../../test/tracker';
import { viewports } from '../../../test/viewports';

// The tracker offers the satisfaction survey once the application is decided (completed or
// rejected): <loket-satisfaction-survey> comes with the results chunk, after the first status.

describe.each(viewports)('<loket-status-tracker> offers the survey, %s (%i×%i)', (_, w, h) => {
  it('on a completed application: answered in the tracker, counted once; axe 0', async () => {
    await page.viewport(w, h);
    const key = await applicationIn('completed');
    const el = mountTracker({ code: key.code, secret: key.secret });
    await expect.element(stateHeading('Selesai')).toBeVisible();
    await expect.element(page.getByRole('heading', { name: 'Survei Kepuasan Masyarakat' })).toBeVisible();
    expect(await violations(el)).toEqual([]);
    await begin();
    const scores = w < 500 ? [4, 4, 3, 3, 4, 4, 3, 3, 1] : [4, 4, 3, 3, 4, 4, 3, 3, 2];
    await answer(scores);
    await send();
    await expect.element(page.getByRole('heading', { name: 'Terima kasih' })).toBeVisible();
    expect(await violations(el)).toEqual([]);
    const stored = await commands.surveyResponses('application');
    expect(stored.filter((r) => r.scores.join() === scores.join())).toHaveLength(1);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(w);
  });
});

describe('<loket-status-tracker> and the survey', () => {
  it('offers it on a rejected application too, in the page’s language', async () => {
    const key = await applicationIn('rejected');
    document.documentElement.lang = 'en';
    try {
      mountTracker({ code: key.code, secret: key.secret });
      await expect.element(page.getByRole('heading', { name: 'Public satisfaction survey' })).toBeVisible();
    } finally {
      document.documentElement.lang = 'id';
    }
  });

  it('follows a language switch of the page while shown', async () => {
    const key = await applicationIn('completed');
    mountTracker({ code: key.code, secret: key.secret });
    await expect.element(page.getByRole('heading', { name: 'Survei Kepuasan Masyarakat' })).toBeVisible();
    document.documentElement.lang = 'en';
    try {
      await expect.element(page.getByRole('heading', { name: 'Public satisfaction survey' })).toBeVisible();
    } finally {
      document.documentElement.lang = 'id';
    }
  });

  it('does not offer it before the decision', async () => {
    const key = await applicationIn('in_review');
    const el = mountTracker({ code: key.code, secret: key.secret });
    await expect.element(stateHeading('Sedang diperiksa')).toBeVisible();
    await expect.poll(() => shadow(el).querySelector('[part~="receipt-open"]')).toBeTruthy();
    expect(shadow(el).querySelector('loket-satisfaction-survey')).toBeNull();
  });
});

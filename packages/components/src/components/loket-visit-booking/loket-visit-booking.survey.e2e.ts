import '../../../dist/components/loket-visit-booking.js';
import '../../../dist/components/loket-satisfaction-survey.js';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { commands, page } from 'vitest/browser';
import { violations } from '../../../test/a11y';
import { answer, begin, mountSurvey, send } from '../../../test/survey';
import { shadow } from '../../../test/tracker';
import { bookingToday, mountVisit } from '../../../test/visits';

// Issue 17 item 1: the satisfaction survey after a visit. The booking's ticket offers it once the
// visit was served (answered with the booking's code and secret, once); the invitation's one-time
// link (`#survei=…`, the e-mail's and webhook's) opens it without the secret, and says so when it
// is opened again after the answer.

const SCORES = [4, 4, 3, 4, 3, 4, 4, 3, 3] as const;
const stored = async () =>
  (await commands.surveyResponses('visit')).filter((r) => r.scores.join() === SCORES.join());

afterEach(() => {
  history.replaceState(history.state, '', location.href.replace(/#.*$/, ''));
});

/** The survey alone, as the survey page (`/survei.html#survei=…`) has it, on the visits API. */
const surveyPage = () => mountSurvey({ 'api-base': inject('visitsApiBase') });

for (const [name, width, height, hour] of [
  ['a phone', 412, 915, '12'],
  ['a desktop', 1024, 768, '14'],
] as const) {
  describe(`after a visit, on ${name} (${width} × ${height})`, () => {
    it('the served booking’s ticket offers the survey, answered once with its secret; axe 0', async () => {
      await page.viewport(width, height);
      const booking = await bookingToday(`${hour}:00`, `Dewi${width} Lestari`);
      await commands.servedBooking(booking.code);
      const before = (await stored()).length;
      const el = mountVisit('loket-visit-booking', { code: booking.code, secret: booking.secret });
      await expect.element(page.getByRole('heading', { name: 'Nomor antrean Anda' })).toBeVisible();
      await expect.element(page.getByText('Selesai', { exact: true })).toBeVisible();
      await expect.element(page.getByRole('heading', { name: 'Survei Kepuasan Masyarakat' })).toBeVisible();
      const survey = shadow(el).querySelector('loket-satisfaction-survey') as HTMLElement & { code?: string };
      expect(survey.code).toBe(booking.code);
      expect(await violations(el)).toEqual([]);
      await begin();
      await answer(SCORES);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
      await send();
      await expect.element(page.getByRole('heading', { name: 'Terima kasih' })).toBeVisible();
      expect(await violations(el)).toEqual([]);
      await expect.poll(async () => (await stored()).length).toBe(before + 1);
      const [response] = (await stored()).slice(-1);
      expect(response).toMatchObject({ location_id: 'mpp-surabaya-siola', region_code: '35.78' });

      // Opened again: answered already (one response per visit).
      el.remove();
      mountVisit('loket-visit-booking', { code: booking.code, secret: booking.secret });
      await expect
        .element(page.getByText('Survei untuk kunjungan ini sudah diisi. Terima kasih.'))
        .toBeVisible();
    });

    it('the invitation’s one-time link opens the survey without the secret, and a second use says it was used; axe 0', async () => {
      await page.viewport(width, height);
      const booking = await bookingToday(`${hour}:30`, `Agus${width} Salim`);
      await commands.servedBooking(booking.code);
      const token = await commands.surveyLinkOf(booking.code);
      location.hash = `survei=${token}`;
      const survey = surveyPage();
      await expect
        .element(page.getByText('Untuk kunjungan Anda ke loket Penggantian KTP-el karena Hilang.'))
        .toBeVisible();
      expect(location.hash).toBe('');
      expect(await violations(survey)).toEqual([]);
      await begin();
      await answer(SCORES);
      await send();
      await expect.element(page.getByRole('heading', { name: 'Terima kasih' })).toBeVisible();
      expect(await violations(survey)).toEqual([]);

      // The same link again (the e-mail opened twice): used, said plainly.
      survey.remove();
      location.hash = `survei=${token}`;
      const again = surveyPage();
      await expect
        .element(page.getByText('Tautan survei ini sudah dipakai: survei ini sudah diisi. Terima kasih.'))
        .toBeVisible();
      expect(await violations(again)).toEqual([]);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
    });
  });
}

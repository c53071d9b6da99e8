import '../../../dist/components/loket-satisfaction-survey.js';
import { describe, expect, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import { violations } from '../../../test/a11y';
import { answer, begin, mountSurvey, send } from '../../../test/survey';
import { focused, shadow } from '../../../test/tracker';
import { viewports } from '../../../test/viewports';

// A tablet at MPP Siola's exit: one person after another, each response for the location (and the
// service its counter serves), the device's own limits the server's.

const SIOLA = 'mpp-surabaya-siola';
const kioskResponses = async (scores: readonly number[]) =>
  (await commands.surveyResponses('kiosk')).filter((r) => r.scores.join() === scores.join());

describe.each(viewports)('<loket-satisfaction-survey> on a kiosk, %s (%i×%i)', (_, w, h) => {
  it('takes one person’s answers for the location, then starts again empty for the next; axe 0', async () => {
    await page.viewport(w, h);
    const kiosk = await commands.kioskDevice(SIOLA);
    const el = mountSurvey({ 'kiosk-token': kiosk.token, service: 'ktp-el-hilang' });
    await expect
      .element(page.getByRole('heading', { name: 'Bagaimana pelayanan kami hari ini?' }))
      .toBeVisible();
    expect(await violations(el)).toEqual([]);
    await begin();
    const scores = w < 500 ? [3, 3, 3, 3, 3, 3, 3, 3, 4] : [4, 4, 4, 4, 4, 4, 4, 4, 3];
    await answer(scores);
    await send();
    await expect.element(page.getByRole('heading', { name: 'Terima kasih' })).toBeVisible();
    expect(await violations(el)).toEqual([]);
    const stored = await kioskResponses(scores);
    expect(stored.at(-1)).toMatchObject({
      location_id: SIOLA,
      service_id: 'ktp-el-hilang',
      region_code: '35.78',
    });

    await userEvent.click(page.getByRole('button', { name: 'Responden berikutnya' }));
    expect(focused()?.id).toBe('loket-survey-heading');
    await begin();
    expect(shadow(el).querySelectorAll('input:checked')).toHaveLength(0);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(w);
  });
});

describe('<loket-satisfaction-survey> kiosk rules', () => {
  it('goes back to the start by itself after the thanks (nobody presses a button)', async () => {
    const kiosk = await commands.kioskDevice(SIOLA);
    const el = mountSurvey({ 'kiosk-token': kiosk.token });
    (el as unknown as { resetAfter: { done: number; form: number } }).resetAfter = {
      done: 300,
      form: 60_000,
    };
    await begin();
    await answer([2, 2, 2, 2, 2, 2, 2, 2, 2]);
    await send();
    await expect.element(page.getByRole('heading', { name: 'Terima kasih' })).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Mulai survei' })).toBeVisible();
    expect((await kioskResponses([2, 2, 2, 2, 2, 2, 2, 2, 2])).at(-1)?.service_id).toBeNull();
  });

  it('left in the middle of the questions: the next person gets an empty survey', async () => {
    const kiosk = await commands.kioskDevice(SIOLA);
    const el = mountSurvey({ 'kiosk-token': kiosk.token });
    (el as unknown as { resetAfter: { done: number; form: number } }).resetAfter = { done: 300, form: 400 };
    await begin();
    await answer([1, 1, 1]);
    await expect.element(page.getByRole('button', { name: 'Mulai survei' })).toBeVisible();
    await begin();
    expect(shadow(el).querySelectorAll('input:checked')).toHaveLength(0);
  });

  it('over the device’s limit: says so with the server’s wait, and keeps the answers', async () => {
    const kiosk = await commands.kioskDevice(SIOLA);
    await commands.useKioskMinute(kiosk.id);
    const el = mountSurvey({ 'kiosk-token': kiosk.token });
    await begin();
    await answer([3, 3, 3, 3, 3, 3, 3, 3, 3]);
    await send();
    await expect
      .element(page.getByRole('alert'))
      .toHaveTextContent(/Terlalu banyak jawaban dari perangkat ini.*detik/);
    expect(shadow(el).querySelectorAll('input:checked')).toHaveLength(9);
    expect(await violations(el)).toEqual([]);
  });

  it('a token that is not (or no longer) a kiosk’s: tells the person to call the staff', async () => {
    mountSurvey({ 'kiosk-token': 'kiosk_BukanTokenYangTerdaftar0000' });
    await begin();
    await answer([4, 4, 4, 4, 4, 4, 4, 4, 4]);
    await send();
    await expect.element(page.getByRole('alert')).toHaveTextContent(/tidak lagi terdaftar sebagai kios/);
  });

  it('set up from a #kios=… link: the token leaves the address bar and stays with the tab', async () => {
    const kiosk = await commands.kioskDevice(SIOLA);
    history.replaceState(null, '', `#kios=${kiosk.token}`);
    try {
      const first = mountSurvey();
      await expect
        .element(page.getByRole('heading', { name: 'Bagaimana pelayanan kami hari ini?' }))
        .toBeVisible();
      expect(location.hash).toBe('');
      first.remove();
      mountSurvey(); // a reload of the kiosk's page
      await expect
        .element(page.getByRole('heading', { name: 'Bagaimana pelayanan kami hari ini?' }))
        .toBeVisible();
    } finally {
      sessionStorage.removeItem('loket:survey:kiosk');
    }
  });
});

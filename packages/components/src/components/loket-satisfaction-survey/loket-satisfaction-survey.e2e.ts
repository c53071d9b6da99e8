import '../../../dist/components/loket-satisfaction-survey.js';
import { SKM_UNSUR } from '@loket/sdk/rules';
import { describe, expect, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import { violations } from '../../../test/a11y';
import { answer, begin, mountSurvey, question, send } from '../../../test/survey';
import { applicationIn, focused, shadow, submittedApplication } from '../../../test/tracker';
import { viewports } from '../../../test/viewports';

const SCORES = [4, 3, 3, 4, 3, 4, 4, 3, 2] as const;
const storedLike = (scores: readonly number[]) => async () =>
  (await commands.surveyResponses('application')).some((r) => r.scores.join() === scores.join());

describe.each(viewports)('<loket-satisfaction-survey> for a decided application, %s (%i×%i)', (_, w, h) => {
  it('asks the nine unsur with their own answers, says what is missing, and sends once; axe 0', async () => {
    await page.viewport(w, h);
    const key = await applicationIn('completed');
    const el = mountSurvey({ code: key.code, secret: key.secret });
    await expect.element(page.getByRole('heading', { name: 'Survei Kepuasan Masyarakat' })).toBeVisible();
    expect(await violations(el)).toEqual([]);
    await begin();

    // Each unsur is a group named by its legend, with the regulation's four answers, worst first.
    const root = shadow(el);
    const groups = [...root.querySelectorAll('fieldset.question')];
    expect(groups.map((g) => g.querySelector('legend')?.textContent)).toEqual(
      SKM_UNSUR.map((u) => `${u.no}. ${u.name.id}`),
    );
    for (const [i, u] of SKM_UNSUR.entries())
      expect([...(groups[i]?.querySelectorAll('label') ?? [])].map((l) => l.textContent)).toEqual([
        ...u.labels.id,
      ]);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(w);
    expect(await violations(el)).toEqual([]);

    // Sent with questions left: the error summary takes focus and links to each.
    await answer(SCORES.slice(0, 7));
    await send();
    const summary = page.getByRole('link', { name: `Pilih jawaban untuk ${SKM_UNSUR[7]?.name.id}` });
    await expect.element(summary).toBeVisible();
    expect(focused()?.getAttribute('part')).toBe('error-summary');
    await expect.element(question(9)).toHaveAccessibleDescription(/Pilih jawaban untuk Sarana dan prasarana/);
    expect(await violations(el)).toEqual([]);
    await userEvent.click(summary);
    expect(focused()?.id).toBe('loket-skm-8');

    // By keyboard: the arrow keys move along a group's answers.
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    expect((focused() as HTMLInputElement).value).toBe('3');
    await answer(SCORES);
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Usia' }), '30_39');
    await userEvent.fill(page.getByRole('textbox', { name: /^Saran/ }), '  Ruang tunggu perlu kursi.  ');
    await send();

    await expect.element(page.getByRole('heading', { name: 'Terima kasih' })).toBeVisible();
    expect(focused()?.id).toBe('loket-survey-done');
    expect(await violations(el)).toEqual([]);
    await expect.poll(storedLike(SCORES)).toBe(true);
    const stored = (await commands.surveyResponses('application')).find(
      (r) => r.suggestion === 'Ruang tunggu perlu kursi.',
    );
    expect(stored).toMatchObject({ service_id: 'ktp-el-hilang', region_code: '35.78', age_band: '30_39' });

    // Once per application: opened again, it says so.
    el.remove();
    mountSurvey({ code: key.code, secret: key.secret });
    await expect
      .element(page.getByText('Survei untuk permohonan ini sudah diisi. Terima kasih.'))
      .toBeVisible();
  });
});

describe('<loket-satisfaction-survey> states', () => {
  it('is not open before the decision, and says so', async () => {
    const key = await submittedApplication();
    const el = mountSurvey({ code: key.code, secret: key.secret });
    await expect
      .element(page.getByText('Survei kepuasan dibuka setelah permohonan selesai atau ditolak.'))
      .toBeVisible();
    expect(await violations(el)).toEqual([]);
  });

  it('answered in another tab meanwhile: the second answer is refused, and it says the survey is answered', async () => {
    const key = await applicationIn('rejected');
    const first = mountSurvey({ code: key.code, secret: key.secret });
    const second = mountSurvey({ code: key.code, secret: key.secret });
    await expect.poll(() => shadow(second).querySelector('[part~="start"]')).toBeTruthy();
    const start = shadow(first).querySelector<HTMLElement>('[part~="start"]');
    if (!start) throw new Error('no start');
    await userEvent.click(start);
    await answer(SCORES);
    await send();
    await expect.poll(() => shadow(first).querySelector('#loket-survey-done')).toBeTruthy();
    first.remove();
    await begin();
    await answer(SCORES);
    await send();
    await expect
      .element(page.getByText('Survei untuk permohonan ini sudah diisi. Terima kasih.'))
      .toBeVisible();
  });

  it('a link whose secret no longer matches: says the link no longer works', async () => {
    const key = await applicationIn('completed');
    const el = mountSurvey({ code: key.code, secret: 'AAAA-BBBB-CCCC-DDDD' });
    await expect.element(page.getByRole('alert')).toHaveTextContent(/Tautan ini tidak berlaku lagi/);
    expect(await violations(el)).toEqual([]);
  });

  it('opens from the #kode=…&rahasia=… link and takes it out of the address bar', async () => {
    const key = await applicationIn('completed');
    history.replaceState(null, '', `#kode=${key.code}&rahasia=${encodeURIComponent(key.secret)}`);
    mountSurvey();
    await expect.element(page.getByRole('button', { name: 'Mulai survei' })).toBeVisible();
    expect(location.hash).toBe('');
  });

  it('without a key, says where it opens', async () => {
    mountSurvey();
    await expect.element(page.getByText(/dibuka dari halaman status permohonan/)).toBeVisible();
  });

  it('offline when sending: says so, keeps every answer, and sends them when asked again', async () => {
    const key = await applicationIn('completed');
    const el = mountSurvey({ code: key.code, secret: key.secret });
    await begin();
    const scores = [1, 2, 3, 4, 1, 2, 3, 4, 1];
    await answer(scores);
    await commands.networkFault({ url: '/survey', method: 'POST', when: 'before' });
    await send();
    await expect.element(page.getByRole('alert')).toHaveTextContent(/Jawaban belum terkirim/);
    expect(focused()?.getAttribute('part')).toBe('problem');
    expect(await violations(el)).toEqual([]);
    const checked = [...shadow(el).querySelectorAll<HTMLInputElement>('input:checked')].map((i) =>
      Number(i.value),
    );
    expect(checked).toEqual(scores);
    await commands.clearNetworkFaults();
    await send();
    await expect.element(page.getByRole('heading', { name: 'Terima kasih' })).toBeVisible();
    await expect.poll(storedLike(scores)).toBe(true);
  });

  it('keeps the answers in progress through a reload of the tab', async () => {
    const key = await applicationIn('completed');
    const el = mountSurvey({ code: key.code, secret: key.secret });
    await begin();
    await answer([4, 4, 4]);
    el.remove(); // as a reload would
    mountSurvey({ code: key.code, secret: key.secret });
    await begin();
    await expect.element(question(3).getByRole('radio', { name: 'Sangat cepat' })).toBeChecked();
  });

  it('in English: the English words of the regulation’s answers', async () => {
    const key = await applicationIn('completed');
    const wrapper = document.createElement('div');
    wrapper.lang = 'en';
    const el = mountSurvey({ code: key.code, secret: key.secret }, wrapper);
    document.body.append(wrapper);
    try {
      await expect.element(page.getByRole('heading', { name: 'Public satisfaction survey' })).toBeVisible();
      await begin('en');
      await expect
        .element(question(4, 'en').getByRole('radio', { name: SKM_UNSUR[3]?.labels.en[3], exact: true }))
        .toBeVisible();
      expect(await violations(el)).toEqual([]);
    } finally {
      wrapper.remove();
    }
  });

  it('fits a 320 px phone', async () => {
    await page.viewport(320, 640);
    const key = await applicationIn('completed');
    mountSurvey({ code: key.code, secret: key.secret });
    await begin();
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(320);
  });
});

import '../../../dist/components/loket-complaint-form.js';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import { violations } from '../../../test/a11y';
import { addToPage, REGION, SERVICE, shadow, submittedApplication } from '../../../test/tracker';
import { viewports } from '../../../test/viewports';

// The complaint form offers a news box only where news can go, as the application form does: it
// does not know the agency of what the complaint is about, so it asks POST /v1/news-channels with
// what it has (the `about` it files with); the server finds the agency and says whether its
// gateway covering the region takes complaint events (the phone) and whether it sends e-mail.

const gateways: string[] = [];
afterEach(async () => {
  await commands.clearNetworkFaults();
  for (const id of gateways.splice(0)) await commands.removePhoneGateway(id);
});

/** Dispendukcapil Kota Surabaya (ktp-el-hilang's agency) plugs in its SMS or WhatsApp gateway. */
const plugInGateway = async () => gateways.push(await commands.addPhoneGateway(REGION, 'dukcapil'));

function mountForm(attrs: Record<string, string>, props: Record<string, string> = {}) {
  const el = document.createElement('loket-complaint-form');
  for (const [name, value] of Object.entries({ 'api-base': inject('apiBase'), ...attrs }))
    el.setAttribute(name, value);
  Object.assign(el, props);
  return addToPage(el);
}

const aboutService = { about: 'service', service: SERVICE, region: REGION };
const emailBox = () => page.getByRole('checkbox', { name: 'Kirim kabar ke e-mail siti@example.org' });
const phoneBox = () => page.getByRole('checkbox', { name: /^Kirim kabar ke nomor 0812 3456 7890/ });
const boxes = (el: Element) => shadow(el).querySelectorAll('input[type="checkbox"]').length;

/** The category, what happened and both contacts; resolves when the server's answer has come. */
async function fill(el: Element, answered: Promise<void>) {
  await expect.element(page.getByRole('heading', { name: 'Sampaikan pengaduan' })).toBeVisible();
  await userEvent.selectOptions(page.getByRole('combobox', { name: 'Apa yang Anda adukan?' }), 'time');
  await userEvent.fill(
    page.getByRole('textbox', { name: 'Apa yang terjadi?' }),
    'Sudah dua minggu sejak saya datang ke loket dan belum ada kabar.',
  );
  await answered;
  await userEvent.fill(page.getByRole('textbox', { name: 'E-mail' }), 'siti@example.org');
  await userEvent.fill(page.getByRole('textbox', { name: 'Nomor telepon' }), '0812 3456 7890');
  expect(el.isConnected).toBe(true);
}

/** Resolves once one more answer of /v1/news-channels has arrived (Resource Timing sees it end). */
function newsAnswer(): Promise<void> {
  const asked = () =>
    performance.getEntriesByType('resource').filter((e) => e.name.includes('/v1/news-channels')).length;
  const before = asked();
  return expect.poll(asked, { timeout: 10_000 }).toBeGreaterThan(before);
}

describe.each(viewports)('<loket-complaint-form> news boxes on a %s', (_, width, height) => {
  it('with the agency’s gateway: the e-mail and phone boxes, and the phone’s choice goes with the complaint', async () => {
    await page.viewport(width, height);
    await plugInGateway();
    const answered = newsAnswer();
    const el = mountForm(aboutService);
    await fill(el, answered);
    await expect.element(phoneBox()).toBeVisible();
    await expect.element(emailBox()).toBeVisible();
    expect(boxes(el)).toBe(2);
    await userEvent.click(phoneBox());
    await userEvent.click(emailBox());
    expect(await violations(el)).toEqual([]);
    await userEvent.click(page.getByRole('button', { name: 'Kirim pengaduan' }));
    await expect.element(page.getByRole('heading', { name: 'Pengaduan terkirim' })).toBeVisible();
    const code = shadow(el).querySelector('.code')?.textContent ?? '';
    const stored = await commands.officer({
      agency: 'dukcapil',
      region: REGION,
      method: 'GET',
      path: `/v1/officer/complaints/${code}`,
    });
    expect(stored.body).toMatchObject({ notify: ['email', 'phone'] });
  });

  it('without a gateway: the e-mail box only, though a phone number is given', async () => {
    await page.viewport(width, height);
    const answered = newsAnswer();
    const el = mountForm(aboutService);
    await fill(el, answered);
    await expect.element(emailBox()).toBeVisible();
    expect(boxes(el)).toBe(1);
    expect(await violations(el)).toEqual([]);
  });
});

describe('the news question about an application', () => {
  it('is answered for the application’s agency, found by the server from its code and secret', async () => {
    const key = await submittedApplication();
    await plugInGateway();
    const answered = newsAnswer();
    const el = mountForm({ about: 'application', code: key.code }, { secret: key.secret });
    await fill(el, answered);
    await expect.element(phoneBox()).toBeVisible();
    expect(boxes(el)).toBe(2);
  });

  it('on a server that sends no e-mail: no e-mail box; the phone box stays with a gateway', async () => {
    await commands.serverSendsNoMail();
    await plugInGateway();
    const key = await submittedApplication();
    const answered = newsAnswer();
    const el = mountForm({ about: 'application', code: key.code }, { secret: key.secret });
    await fill(el, answered);
    await expect.element(phoneBox()).toBeVisible();
    expect(boxes(el)).toBe(1);
    expect(await violations(el)).toEqual([]);
  });
});

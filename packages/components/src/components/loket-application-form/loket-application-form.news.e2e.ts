import '../../../dist/components/loket-application-form.js';
import { createLoketCore, getApplication } from '@loket/sdk';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import { violations } from '../../../test/a11y';
import {
  button,
  fillToCheck,
  heading,
  mountForm,
  REGION,
  shownKey,
  submitFromCheck,
} from '../../../test/form';

// News only when the citizen asks for it (issue 15): on check your answers a box per contact the
// citizen gave, unticked; the phone's only where the region's gateway (a webhook endpoint of the
// agency covering the region) takes it, as GET /v1/news-channels says. The choice goes with the
// submission and is stored with the application.

const EMAIL = 'siti.aminah@example.id';
const gateways: string[] = [];

afterEach(async () => {
  await commands.clearNetworkFaults();
  for (const id of gateways.splice(0)) await commands.removePhoneGateway(id);
  await page.viewport(1024, 768);
});

/** Dispendukcapil Kota Surabaya (ktp-el-hilang's agency) plugs in its SMS or WhatsApp gateway. */
async function plugInGateway() {
  gateways.push(await commands.addPhoneGateway(REGION, 'dukcapil'));
}

/** Every step filled, the e-mail given too, to check your answers. */
async function fillWithEmail() {
  await userEvent.click(button('Mulai'));
  await userEvent.fill(page.getByLabelText(/^Alamat email/), EMAIL); // optional
  await userEvent.click(button('Kembali')); // kept; fillToCheck goes on from the start
  await fillToCheck();
}

/** Declares and sends from check your answers; the news channels the server stored. */
async function sentNews(form: Element) {
  await submitFromCheck(form);
  const { code, secret } = shownKey(form);
  const core = createLoketCore({ baseUrl: inject('apiBase') });
  return (await getApplication(core, code, secret)).application.notify;
}

const news = () => page.getByRole('group', { name: 'Kabar tentang permohonan ini' });
const emailBox = () => page.getByRole('checkbox', { name: `Kirim kabar ke email ${EMAIL}` });
const phoneBox = () => page.getByRole('checkbox', { name: 'Kirim kabar ke nomor HP 0812 3456 7890' });
const boxes = () => [...news().element().querySelectorAll('input[type="checkbox"]')];

for (const [name, width, height] of [
  ['a phone', 412, 915],
  ['a desktop', 1024, 768],
] as const) {
  describe(`on ${name} (${width} × ${height})`, () => {
    it('offers the phone where the region has a gateway, unticked, and sends the choice with the application', async () => {
      await page.viewport(width, height);
      await plugInGateway();
      const form = await mountForm();
      await fillWithEmail();
      await expect.element(news()).toBeVisible();
      expect(boxes()).toHaveLength(2);
      await expect.element(emailBox()).not.toBeChecked();
      await expect.element(phoneBox()).not.toBeChecked();
      await expect.element(phoneBox()).toHaveAccessibleDescription(/layanan pesan daerah Anda/);
      expect(await violations(form)).toEqual([]);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);

      await userEvent.click(phoneBox());
      expect(await sentNews(form)).toEqual(['phone']);
    });

    it('offers no phone box where the region has no gateway: the e-mail only', async () => {
      await page.viewport(width, height);
      const form = await mountForm();
      await fillWithEmail();
      await expect.element(emailBox()).toBeVisible();
      expect(boxes()).toHaveLength(1);
      expect(phoneBox().query()).toBeNull();
      expect(await violations(form)).toEqual([]);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);

      await userEvent.click(emailBox());
      expect(await sentNews(form)).toEqual(['email']);
    });

    it('offers no e-mail box where the server sends no e-mail (no LOKET_SMTP_URL): nothing promised', async () => {
      await page.viewport(width, height);
      await plugInGateway();
      await commands.serverSendsNoMail();
      const form = await mountForm();
      await fillWithEmail();
      await expect.element(phoneBox()).toBeVisible();
      expect(boxes()).toHaveLength(1);
      expect(emailBox().query()).toBeNull();
      expect(await violations(form)).toEqual([]);
      expect(await sentNews(form)).toEqual([]);
    });
  });
}

describe('on a slow network (412 × 915)', () => {
  it('shows check your answers with its phone box from the start: nothing appears or moves after', async () => {
    await page.viewport(412, 915);
    await plugInGateway();
    const first = await mountForm();
    await fillWithEmail();
    first.remove();
    // The page is opened again on check your answers; the gateway's answer takes 2 s.
    await commands.slowNetwork({ url: '/v1/news-channels', ms: 2_000 });
    const form = await mountForm();
    await expect.element(heading('Periksa jawaban Anda')).toBeVisible();
    // The moment it shows, the phone box is there (not added when the answer comes).
    expect(phoneBox().query()).not.toBeNull();
    const submit = form.shadowRoot?.querySelector('[part~="submit"]');
    const before = submit?.getBoundingClientRect().top;
    await new Promise((done) => setTimeout(done, 500));
    expect(submit?.getBoundingClientRect().top).toBe(before);
    expect(await violations(form)).toEqual([]);
  });

  it('without an answer (the API unreachable) shows no phone box, and the form still sends', async () => {
    await page.viewport(412, 915);
    await plugInGateway();
    await commands.networkFault({ url: '/v1/news-channels', when: 'before' });
    const form = await mountForm();
    await fillWithEmail();
    await expect.element(emailBox()).toBeVisible();
    expect(phoneBox().query()).toBeNull();
    await submitFromCheck(form);
    expect(shownKey(form).code).toMatch(/^LKT-/);
  });
});

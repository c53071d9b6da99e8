import '../../../dist/components/loket-status-tracker.js';
import { afterEach, describe, expect, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import { violations } from '../../../test/a11y';
import { officerMoves } from '../../../test/officer';
import { addToPage, applicationIn, mountTracker, shadow } from '../../../test/tracker';

// The receipt ("Bukti pengajuan") and the result document on the tracker, in a real Chromium on
// the real API: what the receipt says, what printing it shows (print media, a PDF), and the
// download of a completed application's document.

const receiptButton = () => page.getByRole('button', { name: 'Bukti pengajuan' });
const receiptHeading = () => page.getByRole('heading', { level: 2, name: 'Bukti pengajuan' });
const downloadButton = () => page.getByRole('button', { name: /^Unduh dokumen hasil/ });
const printBox = () => document.querySelector('[data-loket-print]');

/** The text of every CSS rule of `sheets`. */
const cssOf = (sheets: readonly CSSStyleSheet[]) =>
  sheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');

const realPrint = window.print;
afterEach(async () => {
  window.print = realPrint;
  dispatchEvent(new Event('afterprint'));
  await page.viewport(1024, 768);
});

async function shown(key: { code: string; secret: string }) {
  const el = mountTracker({ code: key.code, secret: key.secret });
  await expect.element(page.getByRole('heading', { level: 3, name: /^Status: / })).toBeVisible();
  await expect.element(receiptButton()).toBeVisible();
  return el;
}

describe('the receipt on the tracker', () => {
  it('shows code, service, agency, date sent, due date and what to bring, never the secret', async () => {
    const key = await applicationIn('in_review');
    const el = await shown(key);
    expect(receiptButton().element().getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(receiptButton());
    await expect.element(receiptHeading()).toBeVisible();
    expect(receiptButton().element().getAttribute('aria-expanded')).toBe('true');
    const receipt = shadow(el).querySelector('.receipt') as HTMLElement;
    const rows = Object.fromEntries(
      [...receipt.querySelectorAll('dt')].map((dt) => [
        dt.textContent,
        dt.nextElementSibling?.textContent ?? '',
      ]),
    );
    expect(rows['Kode pelacakan']).toBe(key.code);
    expect(rows.Layanan).toBe('Penggantian KTP-el karena Hilang');
    expect(rows.Instansi).toMatch(/Dinas Kependudukan/);
    expect(rows['Tanggal dikirim']).toMatch(/\d{4}.*WIB/);
    expect(rows['Perkiraan selesai']).toMatch(/1 hari kerja/);
    expect(receipt.querySelectorAll('[part~="receipt-bring"] li').length).toBeGreaterThan(0);
    expect(receipt.textContent).not.toContain(key.secret);
    expect(receipt.textContent).toContain('Kode rahasia tidak dicetak');

    await userEvent.click(receiptButton());
    await expect.element(receiptHeading()).not.toBeInTheDocument();
  });

  it('"Cetak bukti" prints the receipt alone on one A4 page, without the page around it', async () => {
    const key = await applicationIn('submitted');
    addToPage(Object.assign(document.createElement('header'), { id: 'site-chrome', textContent: 'Pemkot' }));
    const el = await shown(key);
    await userEvent.click(receiptButton());
    await expect.element(receiptHeading()).toBeVisible();
    let printed = 0;
    window.print = () => {
      printed += 1;
    };
    await userEvent.click(page.getByRole('button', { name: 'Cetak bukti' }));
    expect(printed).toBe(1);

    // A copy of the receipt right under <body>, in its own shadow root; hidden on screen.
    const box = printBox() as HTMLElement;
    expect(box.parentElement).toBe(document.body);
    const copy = box.shadowRoot?.querySelector('.receipt') as HTMLElement;
    expect(copy.textContent).toContain(key.code);
    expect(copy.textContent).not.toContain(key.secret);
    expect(getComputedStyle(box).display).toBe('none');

    // What print media shows, and the PDF Chromium makes of it: the receipt only, one A4 page.
    const html = `<!doctype html><html lang="id"><head><style>${cssOf(document.adoptedStyleSheets)}</style></head>
      <body><header id="chrome"><nav>Beranda · Layanan · Berita</nav></header><main id="main"><h1>Layanan publik</h1></main>
      <div data-loket-print><template shadowrootmode="open"><style>${cssOf(box.shadowRoot?.adoptedStyleSheets ?? [])}</style>${box.shadowRoot?.innerHTML}</template></div>
      <footer id="footer">Hak cipta Pemerintah Kota</footer></body></html>`;
    const pdf = await commands.printedPdf(html, ['#chrome', '#main', '#footer', '[data-loket-print]']);
    expect(pdf.shown).toEqual({
      '#chrome': 'none',
      '#main': 'none',
      '#footer': 'none',
      '[data-loket-print]': 'block',
    });
    expect(pdf.pages).toBe(1);

    // After printing the copy and the page rule are gone; the tracker is as it was.
    dispatchEvent(new Event('afterprint'));
    expect(printBox()).toBeNull();
    expect(cssOf(document.adoptedStyleSheets)).not.toContain('data-loket-print');
    expect(shadow(el).querySelector('.receipt')).not.toBeNull();
  });

  it('axe finds no violations with the receipt open, on a phone (412×915) and a desktop', async () => {
    const key = await applicationIn('in_review');
    for (const [width, height] of [
      [412, 915],
      [1280, 800],
    ] as const) {
      await page.viewport(width, height);
      const el = await shown(key);
      await userEvent.click(receiptButton());
      await expect.element(receiptHeading()).toBeVisible();
      const receipt = shadow(el).querySelector('.receipt') as HTMLElement;
      // Nothing sticks out sideways on a phone.
      expect(receipt.scrollWidth).toBeLessThanOrEqual(receipt.clientWidth);
      expect(await violations(el), `${width}×${height}`).toEqual([]);
      el.remove();
    }
  });
});

describe('the result document on the tracker', () => {
  /** The file the tracker hands to the browser to save: its name and content. */
  async function saved(click: () => Promise<void>): Promise<{ name: string; text: string }> {
    const clicked = new Promise<HTMLAnchorElement>((resolve) => {
      const original = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        HTMLAnchorElement.prototype.click = original;
        resolve(this);
      };
    });
    await click();
    const link = await clicked;
    return { name: link.download, text: await (await fetch(link.href)).text() };
  }

  it('is offered only once the application is completed with a document, and downloads with the secret', async () => {
    const bare = await applicationIn('completed');
    let el = await shown(bare);
    expect(downloadButton().query()).toBeNull();
    el.remove();

    const key = await applicationIn('in_review');
    const akta = '%PDF-1.4\n% akta kelahiran digital\n%%EOF\n';
    const attached = await commands.attachResult(key.code, { text: akta, name: 'akta-kelahiran.pdf' });
    expect(attached.status).toBe(200);
    el = await shown(key); // in review: the document is not the citizen's yet
    expect(downloadButton().query()).toBeNull();
    el.remove();

    await officerMoves(key.code, { to: 'completed', public_note: 'Akta terbit.' });
    el = await shown(key);
    await expect.element(page.getByRole('heading', { level: 3, name: 'Dokumen hasil' })).toBeVisible();
    await expect.element(downloadButton()).toHaveAccessibleName('Unduh dokumen hasil (PDF, 1 KB)');
    const file = await saved(() => userEvent.click(downloadButton()));
    expect(file).toEqual({ name: 'akta-kelahiran.pdf', text: akta });
    expect(await violations(el)).toEqual([]);
  });
});

/// <reference types="node" />
/**
 * Browser commands of the receipt and the result document (spread into commands.ts):
 *
 * - `attachResult`: the Kota Surabaya Dukcapil officer attaches a result document (PUT, multipart)
 *   to an application in review, as an agency system does through the officer API;
 * - `printedPdf`: a page holding `html` printed to PDF by Chromium (A4, as "Save as PDF" does),
 *   with what print media shows of each `selectors` (its display), and the PDF's page count.
 */
/// <reference types="@vitest/browser-playwright" />
import type { BrowserCommand } from 'vitest/node';
import { createOfficerToken } from '../../server/src/applications/officer-tokens.js';
import { testServer } from './api-server.js';

let token: string | undefined;

const attachResult: BrowserCommand<[code: string, file: { text: string; name: string }]> = async (
  _ctx,
  code,
  file,
) => {
  const server = testServer();
  token ??= (
    await createOfficerToken(server.db, { name: 'test result', agency: 'dukcapil', region: '35.78' })
  ).token;
  const body = new FormData();
  body.append('file', new Blob([file.text], { type: 'application/pdf' }), file.name);
  const response = await fetch(
    new URL(`/v1/officer/applications/${encodeURIComponent(code)}/result`, server.url),
    {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}` },
      body,
    },
  );
  return { status: response.status, body: await response.json().catch(() => null) };
};

const printedPdf: BrowserCommand<[html: string, selectors: string[]]> = async (ctx, html, selectors) => {
  const printing = await ctx.context.newPage();
  try {
    await printing.setContent(html);
    await printing.emulateMedia({ media: 'print' });
    const shown = await printing.evaluate(
      (all) =>
        Object.fromEntries(
          all.map((s) => [s, getComputedStyle(document.querySelector(s) as Element).display]),
        ),
      selectors,
    );
    const pdf = await printing.pdf({ format: 'A4', preferCSSPageSize: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
    return { pages, shown, bytes: pdf.length };
  } finally {
    await printing.close();
  }
};

export const receiptCommands = { attachResult, printedPdf };

declare module 'vitest/browser' {
  interface BrowserCommands {
    attachResult(
      code: string,
      file: { text: string; name: string },
    ): Promise<{ status: number; body: unknown }>;
    printedPdf(
      html: string,
      selectors: string[],
    ): Promise<{ pages: number; shown: Record<string, string>; bytes: number }>;
  }
}

import { describe, expect, test } from 'vitest';
import { type CaughtMail, linksOf, type MailCatcher } from '../mail-catcher.mjs';
import { MAIL_HTML_CSP } from '../mail-pages.mjs';
import { buildDemo } from '../serve.mjs';

// The mailbox pages put content from outside (an e-mail) into the demo site: nothing of it may
// reach the page unescaped, and its HTML part is only ever served sandboxed. (The catcher itself,
// a real SMTP server, is driven in mail-journey.test.ts.)
const hostile: CaughtMail = {
  id: 1,
  receivedAt: Date.UTC(2026, 11, 7, 2, 0, 0),
  messageId: '<abc@surabaya.example>',
  from: 'Loket <loket@surabaya.example>',
  to: '"<img src=x onerror=alert(1)>" <warga@example.com>',
  subject: 'Permohonan <script>alert(1)</script> $& $1',
  text: 'Halo </pre><script>alert(2)</script>\nhttp://127.0.0.1:8081/lacak.html#kode=LKT-1234-5678-9ABC\n',
  html: '<html><head><title>x</title></head><body><a href="https://example.com">x</a><script>alert(3)</script></body></html>',
  listUnsubscribe: null,
  links: ['http://127.0.0.1:8081/lacak.html#kode=LKT-1234-5678-9ABC'],
};
const catcher: MailCatcher = {
  url: 'smtp://127.0.0.1:2525',
  port: 2525,
  messages: () => [hostile],
  message: (id) => (id === 1 ? hostile : undefined),
  close: async () => {},
};

describe('the mailbox pages', () => {
  test('/surat.html shows the mail escaped, frames its HTML part sandboxed, and allows only that frame', async () => {
    const app = await buildDemo({ mail: catcher, apiUrl: 'http://127.0.0.1:8080' });
    const res = await app.inject({ url: '/surat.html' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/<script>|<img src=x/);
    expect(res.body).toContain('Permohonan &lt;script&gt;alert(1)&lt;/script&gt; $&amp; $1');
    expect(res.body).toContain('Halo &lt;/pre&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(res.body).toContain(
      '<a href="http://127.0.0.1:8081/lacak.html#kode=LKT-1234-5678-9ABC">http://127.0.0.1:8081/lacak.html#kode=LKT-1234-5678-9ABC</a>',
    );
    expect(res.body).toMatch(
      /<iframe class="mail-html" src="\/surat\/1\.html" title="[^"]*" sandbox="allow-popups allow-popups-to-escape-sandbox">/,
    );
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("frame-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-/);
    await app.close();
  });

  test('/surat/1.html is the HTML part under a policy with no script, as a unique origin', async () => {
    const app = await buildDemo({ mail: catcher, apiUrl: 'http://127.0.0.1:8080' });
    const res = await app.inject({ url: '/surat/1.html' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toBe(MAIL_HTML_CSP);
    expect(MAIL_HTML_CSP).toMatch(/default-src 'none'.*sandbox allow-popups/);
    expect(MAIL_HTML_CSP).not.toContain('allow-scripts');
    expect(res.body).toContain('<head><base target="_blank"><title>');
    for (const url of ['/surat/2.html', '/surat/1.htm', '/surat/x.html']) {
      expect((await app.inject({ url })).statusCode, url).toBe(404);
    }
    await app.close();
  });

  test('/surat.json lists the same; without a catcher none of these pages exist', async () => {
    const app = await buildDemo({ mail: catcher, apiUrl: 'http://127.0.0.1:8080' });
    const list = (await app.inject({ url: '/surat.json' })).json();
    expect(list.smtp).toBe('smtp://127.0.0.1:2525');
    expect(list.messages).toEqual([
      expect.objectContaining({ id: 1, subject: hostile.subject, links: hostile.links, has_html: true }),
    ]);
    expect(list.messages[0]).not.toHaveProperty('html');
    await app.close();
    const plain = await buildDemo({ apiUrl: 'http://127.0.0.1:8080' });
    for (const url of ['/surat.html', '/surat.json', '/surat/1.html']) {
      expect((await plain.inject({ url })).statusCode, url).toBe(404);
    }
    await plain.close();
  });

  test('links in plain text end where a mail client ends them', () => {
    expect(linksOf('Lihat:\nhttps://a.example/lacak#kode=LKT-1.\n(http://b.example/x), selesai')).toEqual([
      'https://a.example/lacak#kode=LKT-1',
      'http://b.example/x',
    ]);
  });
});

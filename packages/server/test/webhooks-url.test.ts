import { describe, expect, it } from 'vitest';
import { sendWebhook } from '../src/notifications/webhook-send.js';
import { checkWebhookUrl, isPrivateAddress } from '../src/notifications/webhook-url.js';
import { startReceiver } from './helpers/webhook-receiver.js';

// Where a webhook may point (docs/notifications.md): the server must not be made to call into its
// own network, whether the URL names a private address or a name that resolves to one.

describe('webhook URLs', () => {
  it('knows private, loopback, link-local and mapped addresses from public ones', () => {
    for (const address of [
      '10.0.0.1',
      '127.0.0.1',
      '169.254.169.254',
      '172.31.255.1',
      '192.168.0.1',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '[::1]',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '::ffff:a00:1',
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of [
      '8.8.8.8',
      '172.32.0.1',
      '36.66.0.1',
      '2001:4860:4860::8888',
      'sms.example.go.id',
    ]) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });

  it('takes https, and http or private addresses only as the setting allows', () => {
    expect(checkWebhookUrl(' https://sms.example.go.id/loket?k=1 ', false)).toEqual({
      url: 'https://sms.example.go.id/loket?k=1',
    });
    expect(checkWebhookUrl('http://localhost:3000/hook', true)).toEqual({
      url: 'http://localhost:3000/hook',
    });
    for (const url of [
      'http://localhost:3000/hook',
      'https://[::ffff:127.0.0.1]/',
      'https://169.254.169.254/latest',
      'https://printer.localhost/',
    ]) {
      expect(checkWebhookUrl(url, false), url).toEqual({
        error: expect.stringMatching(/LOKET_WEBHOOK_ALLOW_PRIVATE/),
      });
    }
    for (const url of [
      'http://10.0.0.1/hook',
      'ftp://sms.example.go.id/',
      'sms.example.go.id',
      'https://a:b@sms.example.go.id/',
      'https://sms.example.go.id/#x',
    ]) {
      expect(checkWebhookUrl(url, true), url).toHaveProperty('error');
    }
  });

  it('refuses at connection time a name that resolves to a private address', async () => {
    const receiver = await startReceiver();
    const url = receiver.url.replace('127.0.0.1', 'localhost');
    const request = {
      url,
      id: 'a'.repeat(64),
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      body: '{}',
      now: new Date(),
    };
    expect(await sendWebhook(request, { timeoutMs: 2000, allowPrivate: false })).toEqual({
      ok: false,
      summary: expect.stringMatching(/^localhost resolves to the private address (127\.0\.0\.1|::1)$/),
    });
    expect(receiver.received).toEqual([]);
    await receiver.close();
  });
});

import { describe, expect, it } from 'vitest';
import { createLoketClient, type LoketApiError } from '../src/index.js';
import { fakeFetch, json, problem } from './fake-fetch.js';

const code = 'LKT-7K4M-Q2XP-9ZTR';
const secret = '7KQ2-M9XD-4HTR-0BWE';
const scores = [4, 3, 3, 4, 3, 4, 4, 3, 2];

describe('the survey and performance operations', () => {
  it('sends the survey with the secret in a header, never in the URL, and does not retry it', async () => {
    const bodies: unknown[] = [];
    const fake = fakeFetch(async (request) => {
      bodies.push(await request.clone().json());
      return problem({ type: 'urn:loket:problem:internal', title: 'x', status: 503 });
    });
    const loket = createLoketClient({ baseUrl: 'http://api.test', fetch: fake.fetch });
    const error = (await loket
      .answerApplicationSurvey(code, secret, { scores })
      .catch((e) => e)) as LoketApiError;
    expect(error.status).toBe(503);
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.method).toBe('POST');
    expect(new URL(request?.url ?? '').pathname).toBe(`/v1/applications/${code}/survey`);
    expect(request?.url).not.toContain(secret);
    expect(request?.headers.get('loket-secret')).toBe(secret);
    expect(bodies).toEqual([{ scores }]);
  });

  it('reads the survey state, answers on a kiosk with its token, and reads the index', async () => {
    const fake = fakeFetch((request) => {
      const path = new URL(request.url).pathname;
      if (path.endsWith('/survey') && request.method === 'GET') return json({ state: 'open' });
      if (path === '/v1/kiosk/survey') return json({ received: true, channel: 'kiosk' }, { status: 201 });
      if (path === '/v1/performance/export') {
        return new Response('# x\r\nregion\r\n', { headers: { 'content-type': 'text/csv' } });
      }
      return json({ region: { code: '33.74', name: 'Kota Semarang' } });
    });
    const loket = createLoketClient({ baseUrl: 'http://api.test', fetch: fake.fetch });
    expect(await loket.getApplicationSurvey(code, secret)).toEqual({ state: 'open' });
    expect(await loket.answerKioskSurvey('kiosk_token', { scores, service: 'ktp-el-hilang' })).toEqual({
      received: true,
      channel: 'kiosk',
    });
    expect(fake.requests[1]?.headers.get('loket-kiosk')).toBe('kiosk_token');
    const performance = await loket.getPerformance({ region: '33.74', period: '2026-Q4', by: 'service' });
    expect(performance.region.code).toBe('33.74');
    expect(fake.urls()[2]?.search).toBe('?region=33.74&period=2026-Q4&by=service');
    expect(await loket.exportPerformance({ region: '33.74', period: '2026' })).toContain('region');
    expect(fake.requests[3]?.headers.get('accept')).toBe('text/csv');
  });

  it('rates a visit with the booking secret, and answers through a one-time link with its token only', async () => {
    const booking = 'ANT-7K4M-Q2XP';
    const token = 'tUgfo3hT0pB9T3yq0uK1mNvW';
    const fake = fakeFetch((request) => {
      const path = new URL(request.url).pathname;
      if (request.method === 'GET' && path === '/v1/survey/link')
        return json({ state: 'open', about: 'visit', service: { id: 'ktp-el-hilang', name: 'KTP-el' } });
      if (request.method === 'GET') return json({ state: 'open' });
      if (path === '/v1/survey/link')
        return problem({ type: 'urn:loket:problem:survey-answered', title: 'x', status: 409 });
      return json({ received: true, channel: 'visit' }, { status: 201 });
    });
    const loket = createLoketClient({ baseUrl: 'http://api.test', fetch: fake.fetch });
    expect(await loket.getBookingSurvey(booking, secret)).toEqual({ state: 'open' });
    expect(await loket.answerBookingSurvey(booking, secret, { scores })).toEqual({
      received: true,
      channel: 'visit',
    });
    expect(fake.urls()[1]?.pathname).toBe(`/v1/bookings/${booking}/survey`);
    expect(fake.requests[1]?.headers.get('loket-secret')).toBe(secret);
    expect((await loket.getSurveyLink(token)).about).toBe('visit');
    const error = (await loket.answerSurveyLink(token, { scores }).catch((e) => e)) as LoketApiError;
    expect(error.type).toBe('urn:loket:problem:survey-answered');
    // The token goes in its header only, never in the address; the answer is not retried.
    const linked = fake.requests.slice(2);
    expect(linked).toHaveLength(2);
    for (const request of linked) {
      expect(request.url).toBe('http://api.test/v1/survey/link');
      expect(request.headers.get('loket-survey-link')).toBe(token);
      expect(request.headers.get('loket-secret')).toBeNull();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { createLoketClient, paginateRegions, paginateServices } from '../src/index.js';
import { fakeFetch, json } from './fake-fetch.js';

/** Three pages, chained by cursors c2 and c3; the last page's next_cursor is null. */
const pages: Record<string, { ids: string[]; next: string | null }> = {
  first: { ids: ['a', 'b'], next: 'c2' },
  c2: { ids: ['c', 'd'], next: 'c3' },
  c3: { ids: ['e'], next: null },
};

const paged = (item: (id: string) => object) =>
  fakeFetch((request) => {
    const page = pages[new URL(request.url).searchParams.get('cursor') ?? 'first'];
    if (!page) return json({ type: 'urn:loket:problem:invalid-cursor' }, { status: 400 });
    return json({
      lang: 'id',
      data: page.ids.map(item),
      total: 5,
      page: { limit: 2, next_cursor: page.next },
    });
  });

const collect = async <T>(items: AsyncIterable<T>) => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};

describe('pagination', () => {
  it('follows next_cursor across three pages, keeps the query, and stops at null', async () => {
    const fake = paged((id) => ({ id }));
    const client = createLoketClient({ baseUrl: 'http://api.test', region: '33.74', fetch: fake.fetch });
    const items = await collect(client.paginate.services({ q: 'ktp', limit: 2 }));

    expect(items.map((item) => item.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(fake.urls().map((url) => url.search)).toEqual([
      '?q=ktp&limit=2&region=33.74',
      '?q=ktp&limit=2&cursor=c2&region=33.74',
      '?q=ktp&limit=2&cursor=c3&region=33.74',
    ]);
  });

  it('fetches lazily: breaking out after the first item requests one page only', async () => {
    const fake = paged((id) => ({ id }));
    const client = createLoketClient({ baseUrl: 'http://api.test', fetch: fake.fetch });
    for await (const service of paginateServices(client, { q: 'ktp' })) {
      expect(service.id).toBe('a');
      break;
    }
    expect(fake.requests).toHaveLength(1);
  });

  it('starts from a given cursor', async () => {
    const fake = paged((id) => ({ id }));
    const client = createLoketClient({ baseUrl: 'http://api.test', fetch: fake.fetch });
    const items = await collect(client.paginate.services({ cursor: 'c2' }));
    expect(items.map((item) => item.id)).toEqual(['c', 'd', 'e']);
  });

  it('iterates regions the same way', async () => {
    const fake = paged((code) => ({ code }));
    const client = createLoketClient({ baseUrl: 'http://api.test', region: '33.74', fetch: fake.fetch });
    const regions = await collect(paginateRegions(client, { level: 'regency', parent: '33' }));
    expect(regions.map((region) => region.code)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(fake.urls()[2]?.search).toBe('?level=regency&parent=33&cursor=c3');
  });

  it('rejects the iteration with the error of a failing page', async () => {
    const fake = fakeFetch((_, call) =>
      call === 1
        ? json({ lang: 'id', data: [{ id: 'a' }], total: 2, page: { limit: 1, next_cursor: 'gone' } })
        : new Response('{}', { status: 400, headers: { 'content-type': 'application/problem+json' } }),
    );
    const client = createLoketClient({ baseUrl: 'http://api.test', fetch: fake.fetch });
    const seen: string[] = [];
    const iteration = (async () => {
      for await (const service of client.paginate.services()) seen.push(service.id);
    })();
    await expect(iteration).rejects.toMatchObject({ name: 'LoketApiError', status: 400 });
    expect(seen).toEqual(['a']);
  });
});

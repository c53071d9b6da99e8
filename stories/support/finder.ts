import { expect, waitFor, within } from 'storybook/test';
import { en as browseEn } from '../../packages/components/src/components/loket-service-finder/messages/browse/en';
import { id as browseId } from '../../packages/components/src/components/loket-service-finder/messages/browse/id';
import { en as detailEn } from '../../packages/components/src/components/loket-service-finder/messages/detail/en';
import { id as detailId } from '../../packages/components/src/components/loket-service-finder/messages/detail/id';
import { en as finderEn } from '../../packages/components/src/components/loket-service-finder/messages/en';
import { id as finderId } from '../../packages/components/src/components/loket-service-finder/messages/id';
import { en as noMatchEn } from '../../packages/components/src/components/loket-service-finder/messages/no-match/en';
import { id as noMatchId } from '../../packages/components/src/components/loket-service-finder/messages/no-match/id';
import { demo } from '../msw/demo';
import { recorded } from '../msw/handlers';
import { storyLocale } from './locale';

/**
 * The finder in a story's canvas, and Testing Library queries inside its shadow root (where
 * everything a citizen sees lives).
 */
export async function finderIn(canvasElement: HTMLElement) {
  const el = canvasElement.querySelector('loket-service-finder');
  if (!el) throw new Error('No <loket-service-finder> in this story');
  await customElements.whenDefined('loket-service-finder');
  await waitFor(() => expect(el.shadowRoot?.querySelector('.finder')).toBeTruthy());
  const root = el.shadowRoot as ShadowRoot;
  return { el, root, view: within(root as unknown as HTMLElement) };
}

/** Long enough for the SDK's retries (0.3 s + 0.6 s) and a slow CI machine. */
export const patience = { timeout: 5000 };

type Named = { id: string; name: string };

/**
 * What the finder says and shows in the story's language (the Language toolbar's, or the story's
 * own): its dictionaries, and the catalogue as the server answered in that language (recorded).
 */
export function finderWords(globals: Record<string, unknown>) {
  const lang = storyLocale(globals);
  const get = <T>(key: string) => recorded<T>(lang, key);
  return {
    lang,
    t: { id: finderId, en: finderEn }[lang],
    detail: { id: detailId, en: detailEn }[lang],
    browse: { id: browseId, en: browseEn }[lang],
    noMatch: { id: noMatchId, en: noMatchEn }[lang],
    service: (slug: string, region: string = demo.region) =>
      get<{ name: string; requirements: string[]; fee: { legal_basis: string | null } }>(
        `GET /v1/services/${slug}?region=${region}`,
      ),
    locations: (slug: string, region: string = demo.region) =>
      get<{ data: Named[] }>(`GET /v1/regions/${region}/locations?service=${slug}`).data,
    lifeEvent: (event: string) =>
      get<Named & { steps: { service: Named; why: string }[] }>(
        `GET /v1/life-events/${event}?region=${demo.region}`,
      ),
    category: (category: string) =>
      get<{ data: Named[] }>(`GET /v1/categories?region=${demo.region}`).data.find((c) => c.id === category),
  };
}

import type { LoketCore, Service } from '@loket/sdk';
import { type NewsState, reachable } from './news-choice';

/** What asking about the phone reads and changes on the form component. */
export interface NewsHost {
  readonly core: LoketCore;
  readonly regionCode: string | undefined;
  readonly info: Service | null;
  news: NewsState;
}

/** Per form: the region and agency last asked about, and when the answer is in. */
const asked = new WeakMap<NewsHost, { key: string; done: Promise<void> }>();

/**
 * Whether news can reach the citizen by e-mail (the server sends it) and phone (the region's
 * gateway for the service's agency), asked once per region and agency and again after a
 * failure. Part of the chunk of check your answers, out of the form's first load: the form asks
 * as the citizen moves to a question and waits for the answer before check your answers shows,
 * so each box is there or not from the start. Resolves once `news` says.
 */
export function checkNews(host: NewsHost): Promise<void> {
  const region = host.regionCode;
  const agency = host.info?.agency.id;
  if (!region || !agency) return Promise.resolve();
  const key = `${region} ${agency}`;
  const before = asked.get(host);
  if (before?.key === key) return before.done;
  // Another region or service: no phone until its answer.
  if (before)
    host.news = { ...host.news, phone: false, chosen: host.news.chosen.filter((c) => c !== 'phone') };
  const done = reachable(host.core, region, agency).then(
    ({ email, phone }) => {
      const { news } = host;
      if (asked.get(host)?.key !== key || (email === news.email && phone === news.phone)) return;
      // A channel that cannot be used is not kept as chosen.
      const chosen = news.chosen.filter((c) => (c === 'email' ? email : phone));
      host.news = { email, phone, chosen };
    },
    () => {
      if (asked.get(host)?.key === key) asked.delete(host); // offline or failed: asked again on the next move
    },
  );
  asked.set(host, { key, done });
  return done;
}

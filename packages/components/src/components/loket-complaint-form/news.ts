import { type ComplaintAboutRequest, getComplaintNewsChannels, type LoketCore } from '@loket/sdk';

/** Which news boxes the form may offer: e-mail (the server sends e-mail), the phone (a gateway). */
export interface NewsReach {
  email: boolean;
  phone: boolean;
}

/** Until the server has said: e-mail assumed (as the application form does), no phone box. */
export const assumed: NewsReach = { email: true, phone: false };

/** A subject the server can resolve: its code and secret, or its service and region. */
export const complete = (about: ComplaintAboutRequest) =>
  about.kind === 'service' ? !!(about.service && about.region) : !!(about.code && about.secret);

/**
 * Whether news about a complaint on `about` can reach the citizen by e-mail and by phone
 * (`POST /v1/news-channels`: the server finds the agency and region the complaint goes to, and
 * whether that agency's gateway covering the region takes complaint events). Gives up after 5 s.
 */
export const reach = (core: LoketCore, about: ComplaintAboutRequest): Promise<NewsReach> =>
  getComplaintNewsChannels(core, about, { signal: AbortSignal.timeout(5_000) }).then(({ email, phone }) => ({
    email,
    phone,
  }));

/** The channels ticked that the form may still offer. */
export const offered = (notify: ('email' | 'phone')[], news: NewsReach | null) =>
  notify.filter((c) => (news ?? assumed)[c]);

import type { SurveyKey } from './api';

// What the page URL's fragment tells the survey, read once and then taken out of the address bar:
//
// - `#kode=…&rahasia=…`: a decided application's key, as every Loket link carries it
//   (utils/application-link.ts says why in the fragment). Read here rather than through that
//   module: one more component sharing it would split it into a chunk of its own, one more file in
//   the tracker's and the form's first loads (scripts/bench-size.mjs).
// - `#survei=…`: the one-time token of a survey invitation's link (LOKET_SURVEY_URL): it opens the
//   survey of its application or visit without the secret.
// - `#kios=…`: a kiosk's token, instead of the `kiosk-token` attribute: a tablet is set up by
//   opening `https://portal.example.go.id/survei.html#kios=kiosk_…` once. It is kept in this tab
//   (sessionStorage), so a reload of the kiosk's page stays a kiosk.

const KEPT = 'loket:survey:kiosk';

export interface SurveyLink {
  key: SurveyKey | null;
  kiosk: string | null;
}

/** The key or kiosk token of the page URL (then gone from the address bar), or the kiosk this tab was made. */
export function readSurveyLink(): SurveyLink {
  const url = new URL(location.href);
  const params = new URLSearchParams(url.hash.slice(1));
  const names = ['kode', 'rahasia', 'survei', 'kios'];
  const [code, secret, token, kiosk] = names.map((name) => params.get(name)?.trim());
  const key = code && secret ? { code, secret } : token ? { token } : null;
  if (key || kiosk) {
    for (const name of names) params.delete(name);
    url.hash = params.toString();
    history.replaceState(history.state, '', url.href.replace(/#$/, ''));
  }
  try {
    if (kiosk) sessionStorage.setItem(KEPT, kiosk);
    return { key, kiosk: key ? null : kiosk || sessionStorage.getItem(KEPT) };
  } catch {
    // Storage refused: this page view is a kiosk still.
    return { key, kiosk: key ? null : kiosk || null };
  }
}

// The desk's screens live in the URL's fragment, so the back button and a reload keep the place:
// #/ the queue, #/permohonan/<code> one application, #/kunjungan visits, #/pengaduan complaints.

export type Route =
  | { view: 'queue' }
  | { view: 'application'; code: string }
  | { view: 'visits' }
  | { view: 'complaints' };

export function routeOf(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const application = /^permohonan\/([A-Za-z0-9-]{4,40})$/.exec(path);
  if (application?.[1]) return { view: 'application', code: application[1] };
  if (path === 'kunjungan') return { view: 'visits' };
  if (path === 'pengaduan') return { view: 'complaints' };
  return { view: 'queue' };
}

export const hrefOf = (route: Route): string =>
  route.view === 'application'
    ? `#/permohonan/${route.code}`
    : route.view === 'visits'
      ? '#/kunjungan'
      : route.view === 'complaints'
        ? '#/pengaduan'
        : '#/';

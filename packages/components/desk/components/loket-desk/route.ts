// The desk's screens live in the URL's fragment, so the back button and a reload keep the place:
// #/ the queue, #/permohonan/<code> one application, #/kunjungan visits, #/pengaduan complaints,
// #/beban-kerja the workload (supervisors), #/admin accounts, origins and webhooks (admins),
// #/kata-sandi the officer's own password.

export type Route =
  | { view: 'queue' }
  | { view: 'application'; code: string }
  | { view: 'visits' }
  | { view: 'complaints' }
  | { view: 'workload' }
  | { view: 'admin' }
  | { view: 'password' };

const paths = {
  visits: 'kunjungan',
  complaints: 'pengaduan',
  workload: 'beban-kerja',
  admin: 'admin',
  password: 'kata-sandi',
} as const;

export function routeOf(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const application = /^permohonan\/([A-Za-z0-9-]{4,40})$/.exec(path);
  if (application?.[1]) return { view: 'application', code: application[1] };
  for (const [view, name] of Object.entries(paths)) {
    if (path === name) return { view } as Route;
  }
  return { view: 'queue' };
}

/** Whether an account's roles include overseeing the agency's work (supervisor, or admin above it). */
export const oversees = (roles: readonly string[]) => roles.includes('supervisor') || roles.includes('admin');

export const hrefOf = (route: Route): string =>
  route.view === 'application'
    ? `#/permohonan/${route.code}`
    : route.view === 'queue'
      ? '#/'
      : `#/${paths[route.view]}`;

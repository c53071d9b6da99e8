import { type LoketCore, listVisitLocations } from '@loket/sdk';

/**
 * The booking page for `service` in `region` (`visit-href` with `{service}`, `{region}` and
 * `{location}` filled in, the first location whose counter takes bookings for it), or null when
 * none does or the API cannot say. Loaded with a detail, only on pages that set `visit-href`.
 */
export async function visitLink(
  core: LoketCore,
  region: string,
  service: string,
  href: string,
  signal: AbortSignal,
): Promise<string | null> {
  try {
    const list = await listVisitLocations(core, region, { service }, { signal });
    const first = list.data[0];
    if (!first) return null;
    return href
      .replace('{service}', encodeURIComponent(service))
      .replace('{region}', encodeURIComponent(region))
      .replace('{location}', encodeURIComponent(first.id));
  } catch {
    return null;
  }
}

/**
 * The page URL's query parameter that names a service (`?layanan=ktp-el-hilang`): the finder's
 * deep link to a service, and where the application form finds its service on a static page. Its
 * own module, so the form does not load the finder's URL-state code with it.
 */
export const SERVICE_PARAM = 'layanan';

/** The service named in `url`'s query, or null. */
export function serviceInUrl(url: string): string | null {
  return new URL(url).searchParams.get(SERVICE_PARAM) || null;
}

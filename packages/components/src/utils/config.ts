/**
 * Configuration shared by every component: an attribute on the element wins, then the closest
 * ancestor's `data-loket-*` attribute, then a page-level `<meta name="loket-*">`. A page with
 * several components sets `api-base` and `region` once:
 *
 *   <meta name="loket-api-base" content="https://layanan.example.go.id">
 *   <meta name="loket-region" content="35.78">
 */
export type ConfigKey = 'api-base' | 'region';

export function configValue(el: Element, key: ConfigKey, own: string | undefined): string | undefined {
  if (own) return own;
  const holder = el.closest(`[data-loket-${key}]`);
  const fromAncestor = holder?.getAttribute(`data-loket-${key}`);
  if (fromAncestor) return fromAncestor;
  const meta = el.ownerDocument.querySelector<HTMLMetaElement>(`meta[name="loket-${key}"]`);
  return meta?.content || undefined;
}

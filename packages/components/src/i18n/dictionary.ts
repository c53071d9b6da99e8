import type { Locale } from './index';

/**
 * One component's strings: Indonesian is static (part of the first load); English is a separate
 * chunk that only English pages fetch, to keep the first load small on slow networks. Each
 * component has its own, so a page that uses one component never loads another's strings.
 */
export interface Dictionary<T> {
  /** The dictionary of `locale`, or Indonesian while another one is still loading (see `load`). */
  get(locale: Locale): T;
  load(locale: Locale): Promise<T>;
}

export function dictionary<T>(indonesian: T, english: () => Promise<T>): Dictionary<T> {
  let en: T | undefined;
  const get = (locale: Locale) => (locale === 'en' && en) || indonesian;
  return {
    get,
    async load(locale) {
      if (locale === 'en' && !en) en = await english();
      return get(locale);
    },
  };
}

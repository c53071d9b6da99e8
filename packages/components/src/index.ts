// Public types of @loket/components (the elements themselves register from the loader or
// from `@loket/components/components/<tag>.js`).
export type { LoketApplyDetail } from './components/loket-service-finder/loket-service-finder';
export type { Locale } from './i18n';

// Public types of @loket/components (the elements themselves register from the loader or
// from `@loket/components/components/<tag>.js`).
export type { LoketApplyDetail } from './components/loket-service-finder/loket-service-finder';
export type { LoketStatusChangeDetail } from './components/loket-status-tracker/loket-status-tracker';
export type { Locale } from './i18n';

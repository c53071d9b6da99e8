// Public types of @loket/components (the elements themselves register from the loader or
// from `@loket/components/components/<tag>.js`): the elements' properties (`Components.*`), every
// event's detail (`LoketApplyDetail`, `LoketSubmitDetail`…) and typed event (`LoketServiceFinderCustomEvent<T>`…),
// Stencil's JSX namespace and the `HTMLLoket*Element` globals.
export type * from './components';
export type { Locale } from './i18n';

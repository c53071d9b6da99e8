import type { Plural } from '../../../i18n';

/**
 * Every string of <loket-application-form>, one dictionary per locale (id.ts, en.ts). The
 * questions themselves come from the server's form definition, in both languages.
 */
export interface FormMessages {
  load: {
    loading: string;
    errorTitle: string;
    errorBody: string;
    retry: string;
    notFound: string;
    noFormTitle: string;
    noFormBody: string;
    badLink: string;
  };
  /** Read by utils/service-format (feeText, durationText). */
  fee: { free: string; variants: string; unknown: string; from: string };
  duration: { days: Plural; sameDay: string; unknown: string };
  prepare: {
    intro: string;
    requirements: string;
    requirementsHint: string;
    fee: string;
    duration: string;
    start: string;
    resume: string;
    autosave: string;
  };
  step: {
    progress: string;
    continue: string;
    back: string;
    optional: string;
    choose: string;
    yes: string;
    wait: string;
    number: string;
  };
  file: {
    /** The file picker's button; `photo` for a photo (phones open the camera). */
    choose: string;
    photo: string;
    /** A PDF's page count. */
    pages: string;
    rules: string;
    uploading: string;
    percent: string;
    cancel: string;
    cancelled: string;
    failed: string;
    retry: string;
    uploaded: string;
    list: string;
    remove: string;
    removed: string;
    removeFailed: string;
    size: { kb: string; mb: string };
  };
  errors: { title: string; declaration: string; network: string };
  check: {
    sending: string;
    waitingBody: string;
  };
  done: {
    title: string;
    copied: string;
    selected: string;
  };
  submitted: { title: string; withdrawn: string; body: string; track: string; another: string };
  revision: { title: string; note: string; fields: string; start: string };
  save: {
    saving: string;
    saved: string;
    local: string;
    refused: string;
    offline: string;
    online: string;
  };
  resume: { summary: string; body: string; label: string; warning: string; copy: string };
}

/**
 * The strings of the views at the end (check your answers, the confirmation; messages/later/):
 * loaded with those views, so the first load does not carry them. The views read them merged
 * into the form's (see `endText`).
 */
export interface LaterMessages {
  check: {
    title: string;
    change: string;
    empty: string;
    yes: string;
    no: string;
    declarationTitle: string;
    declaration: string;
    submit: string;
    resubmit: string;
    waitingTitle: string;
    /** Under an answer not asked because it is an earlier one (`same_as`); `{label}`: that question. */
    copied: string;
    /** The news channels (news-choice.tsx): `{email}`, `{phone}` are the answers. */
    newsTitle: string;
    newsHint: string;
    newsEmail: string;
    newsPhone: string;
    newsPhoneHint: string;
  };
  done: {
    code: string;
    secret: string;
    copy: string;
    keep: string;
    next: string;
    due: string;
    track: string;
    another: string;
    /** Opens the submission receipt (<loket-receipt>). */
    receipt: string;
  };
}

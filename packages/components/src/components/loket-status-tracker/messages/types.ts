import type { ApplicationStatusCode, Due } from '@loket/sdk';
import type { Plural } from '../../../i18n';

/**
 * Every string of <loket-status-tracker>. What the application's status means and what happens
 * next come from the API in plain words (`status_text`, `next_step`); these are the tracker's
 * own: the lookup form, headings, the status words of the history, actions.
 */
export interface TrackerMessages {
  lookup: {
    heading: string;
    intro: string;
    code: string;
    codeHint: string;
    secret: string;
    secretHint: string;
    submit: string;
    errorTitle: string;
    /** Read before each field's error by screen readers (GOV.UK's visually hidden "Error:"). */
    errorPrefix: string;
    codeMissing: string;
    codeInvalid: string;
    secretMissing: string;
    /** A 404: the code or the secret is wrong (never which one). */
    notFound: string;
    failed: string;
  };
  status: {
    loading: string;
    failed: string;
    retry: string;
    code: string;
    current: string;
    /** One word or two per status, for the status tag and the history. */
    words: Record<ApplicationStatusCode, string>;
    next: string;
    note: string;
    revision: string;
    revisionIntro: string;
    fix: string;
    resume: string;
    due: string;
    dueDate: string;
    days: Plural;
    /** A service done the day it is sent (0 working days). */
    sameDay: string;
    /** What the due date is counted with, in plain words; `none`: no due date. */
    calendar: Record<Due['calendar'], string>;
    dueAgain: string;
    overdueTitle: string;
    overdueBody: string;
    history: string;
    /** An application's linked visit: "Datang ke loket", then where and when. */
    visit: string;
    visitText: string;
    other: string;
  };
  refresh: {
    button: string;
    updated: string;
    failed: string;
    unchanged: string;
    changed: string;
  };
  withdraw: {
    open: string;
  };
  /** "Permohonan di perangkat ini" (device-list.tsx) and the way to "Lupa kode rahasia?". */
  device: {
    heading: string;
    hint: string;
    open: string;
    forget: string;
    /** Said once an application is taken off the device: `{code}`. */
    forgotten: string;
    lost: string;
  };
}

/** "Lupa kode rahasia?" (messages/recovery/): loaded with its code, not in the first load. */
export interface RecoveryMessages {
  heading: string;
  intro: string;
  code: string;
  contact: string;
  contactHint: string;
  codeMissing: string;
  contactMissing: string;
  submit: string;
  sending: string;
  /** What the page says after any request (the same, whether or not the contact matched). */
  sent: string;
  tooMany: string;
  failed: string;
  back: string;
  /** After the link: the new secret (`{secret}`). */
  newSecret: string;
  linkInvalid: string;
}

/** The withdraw step's strings (messages/withdraw/): loaded with its code, not in the first load. */
export interface WithdrawMessages {
  heading: string;
  body: string;
  reason: string;
  reasonHint: string;
  confirm: string;
  cancel: string;
  failed: string;
  conflict: string;
}

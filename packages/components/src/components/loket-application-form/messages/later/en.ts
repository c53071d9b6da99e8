import type { LaterMessages } from '../types';

/** English: fetched with the end views on English pages. */
export const en: LaterMessages = {
  check: {
    title: 'Check your answers',
    change: 'Change',
    empty: 'Not given',
    yes: 'Yes',
    no: 'No',
    declarationTitle: 'Now send your application',
    declaration: 'I declare that all the information and documents I gave are true.',
    submit: 'Send application',
    resubmit: 'Send the application again',
    waitingTitle: 'Waiting for the internet connection',
    copied: 'Same as your answer to “{label}”',
  },
  done: {
    code: 'Tracking code',
    secret: 'Secret code',
    copy: 'Copy {what}',
    keep: 'Keep both codes, for example by taking a screenshot or writing them down. You need both to see the status of your application. Never give the secret code to anyone.',
    next: 'What happens next',
    due: 'Expected by: {date}.',
    track: 'See the status of your application',
    another: 'Start a new application',
    receipt: 'Submission receipt (to keep or print)',
  },
};

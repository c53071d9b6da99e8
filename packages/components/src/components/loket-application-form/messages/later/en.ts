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
    newsTitle: 'News about this application',
    newsHint:
      'Choose where we send news when the status of your application changes. You may choose none: you can still see the status with the tracking code. Every message has a link to stop them.',
    newsEmail: 'Send news to the email {email}',
    newsPhone: 'Send news to the mobile number {phone}',
    newsPhoneHint: "By SMS or WhatsApp from your region's messaging service, where the region offers one.",
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

import type { TrackerMessages } from './types';

/** English: complete, loaded only on English pages. */
export const en: TrackerMessages = {
  lookup: {
    heading: 'Track an application',
    intro: 'Enter the tracking code and the secret code you were given when you applied.',
    code: 'Tracking code',
    codeHint: 'For example: LKT-7K4M-Q2XP-3H9D',
    secret: 'Secret code',
    secretHint:
      'Given with the tracking code: 16 letters and digits, like 7KQ2-M9XD-4HTR-0BWE (lower case and dashes are fine). Do not share it with anyone.',
    submit: 'Track',
    errorTitle: 'There is a problem',
    errorPrefix: 'Error:',
    codeMissing: 'Enter the tracking code',
    codeInvalid: 'A tracking code has 8 to 20 letters, numbers or hyphens, like LKT-7K4M-Q2XP-3H9D',
    secretMissing: 'Enter the secret code',
    notFound: 'The tracking code or the secret code does not match. Check both, then try again.',
    failed: 'The status could not be loaded. Check your internet connection, then try again.',
  },
  status: {
    loading: 'Loading the application’s status…',
    failed: 'The application’s status could not be loaded. Check your internet connection, then try again.',
    retry: 'Try again',
    code: 'Tracking code',
    current: 'Status: {status}',
    words: {
      draft: 'Draft',
      submitted: 'Sent',
      in_review: 'Being checked',
      needs_revision: 'Needs changes',
      completed: 'Done',
      rejected: 'Rejected',
      withdrawn: 'Withdrawn',
    },
    next: 'What happens next',
    note: 'Note from the officer',
    revision: 'What to fix',
    revisionIntro: 'The officer asked you to fix these answers:',
    fix: 'Fix the application',
    resume: 'Continue the application',
    due: 'Expected by',
    dueDate: '{date} ({days})',
    days: {
      one: '{n} working day after it was sent',
      other: '{n} working days after it was sent',
    },
    sameDay: 'the same day it was sent',
    calendar: {
      official: 'Counted with the official holiday calendar.',
      provisional: 'Some holidays in this period are not officially decreed yet, so the date may change.',
      estimate:
        'The holidays of this period are not known yet (only weekends were skipped), so this date is an estimate.',
      none: 'No due date is known for this service.',
    },
    dueAgain: 'The expected date is counted again once you send your changes.',
    overdueTitle: 'Overdue',
    overdueBody:
      'This application should have been done by {date}. You have the right to ask the agency about it or to file a complaint.',
    visit: 'Come to the counter',
    visitText: '{when}, {place}, {counter}. Queue number {number}.',
    history: 'History',
    other: 'Track another application',
  },
  refresh: {
    button: 'Refresh',
    updated: 'Updated at {time}',
    failed: 'The status could not be updated. We will try again later.',
    unchanged: 'Nothing has changed.',
    changed: 'The application’s status changed: {status}.',
  },
  device: {
    heading: 'Applications on this device',
    hint: "Kept in this browser only. On someone else's device, remove them when you are done.",
    open: 'View',
    forget: 'Remove from this device',
    forgotten: 'Application {code} was removed from this device. The application itself is still there.',
    lost: 'Forgot the secret code?',
  },
  withdraw: {
    open: 'Withdraw the application',
  },
};

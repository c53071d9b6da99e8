import type { ReceiptMessages } from './types';

/** English: fetched with the receipt on English pages. */
export const en: ReceiptMessages = {
  title: 'Submission receipt',
  intro: 'Keep or print this receipt. Show it at the counter if asked.',
  loading: 'Loading the receipt…',
  failed: 'The receipt could not be loaded. Check your internet connection, then try again.',
  retry: 'Try again',
  code: 'Tracking code',
  service: 'Service',
  agency: 'Agency',
  sent: 'Date sent',
  due: 'Expected by',
  dueDate: '{date} ({days})',
  days: { one: '{n} working day', other: '{n} working days' },
  sameDay: 'the same day',
  noDue: 'Not known yet: the duration of this service is not recorded.',
  calendar: {
    official: 'Counted with the official holiday calendar.',
    provisional: 'Some holidays are still provisional (not yet decreed); the date may move.',
    estimate: 'An estimate: holidays after the known calendars are not counted.',
    none: '',
  },
  bring: 'What to bring to the counter',
  bringNone: 'The catalogue lists no requirements for this service yet; ask at the counter.',
  secret: 'Your secret is not printed on this receipt. Never give your secret to anyone.',
  print: 'Print receipt',
};

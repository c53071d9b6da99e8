import type { LookupMessages } from './types';

export const en: LookupMessages = {
  heading: 'See your booking',
  intro:
    'This device does not hold the secret code of this booking. Enter the secret code from your ticket to see, change or cancel it.',
  code: 'Booking code',
  codeHint: 'Starts with ANT-, for example ANT-7K4M-Q2XP.',
  secret: 'Secret code',
  secretHint: 'On your ticket, below the booking code. It is never sent by e-mail.',
  submit: 'See booking',
  codeMissing: 'Enter the booking code',
  codeInvalid: 'A booking code has only letters, digits and dashes, for example ANT-7K4M-Q2XP',
  secretMissing: 'Enter the secret code',
  notFound: 'The booking code or the secret code does not match',
  failed: 'The booking could not be opened. Check your internet connection, then try again.',
  tooMany: 'Too many wrong secret codes for this booking code. Try again later.',
  lost: 'Without the secret code you can still come: the officer checks you in with the booking code.',
};

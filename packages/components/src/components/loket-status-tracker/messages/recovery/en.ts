import type { RecoveryMessages } from '../types';

/** English: fetched with "Forgot the secret code?" on English pages. */
export const en: RecoveryMessages = {
  heading: 'Forgot the secret code?',
  intro:
    'Enter the tracking code and the email or mobile number you gave on the application. If they match, we send a link there. The link gives a new secret code; the old one stops working.',
  code: 'Tracking code',
  contact: 'Email or mobile number',
  contactHint: 'The one you gave on the application, for example budi@example.com or 0812 3456 7890.',
  codeMissing: 'Enter the tracking code',
  contactMissing: 'Enter the email or mobile number from the application',
  submit: 'Send the link',
  sending: 'Sending…',
  sent: 'If the tracking code and that contact match the application, a link to a new secret code is on its way there. The link works for 30 minutes, once. Nothing came? Look in the spam folder, or ask at the counter.',
  tooMany: 'Asked too often. Try again later.',
  failed: 'The request was not sent. Check the internet connection, then try again.',
  back: 'Back',
  newSecret:
    'Your new secret code: {secret}. The old one no longer works. This device keeps it; write it down for other devices too.',
  linkInvalid: 'This link was used already, is older than 30 minutes, or is unknown. Ask for a new one.',
};

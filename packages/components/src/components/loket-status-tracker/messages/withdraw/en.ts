import type { WithdrawMessages } from '../types';

/** English: fetched with the withdraw step on English pages. */
export const en: WithdrawMessages = {
  heading: 'Withdraw this application?',
  body: 'A withdrawn application cannot be continued. You can start a new application at any time.',
  reason: 'Why are you withdrawing? (optional)',
  reasonHint: 'Only officers read this. At most 500 characters.',
  confirm: 'Yes, withdraw the application',
  cancel: 'Do not withdraw',
  failed: 'The application was not withdrawn. Check your internet connection, then try again.',
  conflict: 'This application can no longer be withdrawn: its status has changed.',
};

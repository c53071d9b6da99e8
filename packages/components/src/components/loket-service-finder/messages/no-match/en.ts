import type { NoMatchMessages } from './types';

/** English: fetched when a page in English shows the no-result view. */
export const en: NoMatchMessages = {
  complaintTitle: 'This is a complaint, not a service',
  complaintFor: 'No service here covers “{q}”.',
  complaintBody:
    'Problems with public facilities or the neighbourhood like this one are reported to the government as a complaint. Report it through:',
  unknownTitle: 'Want to make a complaint?',
  unknownBody: 'If what you are looking for is a complaint about a public service, report it through:',
  national: 'the national channel for complaints about public services',
};

import type { components } from '@loket/sdk/contract';
import { applicationMessages } from './applications.js';
import { complaintMailMessages } from './complaint-mail.js';
import { complaintMessages } from './complaints.js';
import { notificationMessages } from './notifications.js';
import { officerMessages } from './officers.js';
import { requestMessages } from './requests.js';
import { resultMessages } from './results.js';
import { statusMessages } from './status.js';
import { surveyMessages } from './survey.js';
import { visitMailMessages } from './visit-mail.js';
import { visitMessages } from './visits.js';

export { type ProblemKind, problemTitles } from './requests.js';

/** The languages of every message and response (the contract's `Lang`). */
export type Lang = components['schemas']['Lang'];

/** A sentence ready to be said in the language a request asked for. */
export type Text = (lang: Lang) => string;

/**
 * Every sentence the server says, one entry per message, each `{ id, en }` as functions of the
 * same arguments. Split by area into files only to keep each short; one table.
 */
export const messages = {
  ...requestMessages,
  ...applicationMessages,
  ...statusMessages,
  ...notificationMessages,
  ...resultMessages,
  ...surveyMessages,
  ...visitMessages,
  ...complaintMessages,
  ...visitMailMessages,
  ...complaintMailMessages,
  ...officerMessages,
};

type Messages = typeof messages;
export type MessageKey = keyof Messages;
type Args<K extends MessageKey> = Parameters<Messages[K]['en']>;

/** The message `key` with its arguments, in whichever language it is asked for. */
export function say<K extends MessageKey>(key: K, ...args: Args<K>): Text {
  return (lang) => (messages[key][lang] as (...a: Args<K>) => string)(...args);
}

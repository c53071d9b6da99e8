import type { BoardMessages } from './types';

/** English: fetched only by English pages. */
export const en: BoardMessages = {
  heading: 'Queue numbers called',
  counter: 'Counter',
  number: 'Number',
  recent: 'Latest calls',
  empty: 'No number has been called today yet.',
  called: 'Number {number}, please go to {counter}.',
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Connection lost. Reconnecting…',
};

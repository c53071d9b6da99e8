import type { ResultMessages } from './types';

/** English: fetched with the results chunk on English pages. */
export const en: ResultMessages = {
  title: 'Result document',
  body: 'The officer attached the result of your application.',
  download: 'Download the result document ({type}, {size})',
  failed: 'The result document could not be downloaded. Check your internet connection, then try again.',
  receipt: 'Submission receipt',
};

// The views a citizen needs only at the end (check your answers, the confirmation): one chunk,
// loaded when the form gets there, so the first load stays small.
export { CheckAnswers } from './check-answers';
export { Confirmation } from './confirmation';
export { laterText } from './messages/later';
export { checkNews } from './news-check';
export { contactsOf, reachable } from './news-choice';

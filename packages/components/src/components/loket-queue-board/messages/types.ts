/** Every string of <loket-queue-board>. Counter labels and numbers come from the API. */
export interface BoardMessages {
  heading: string;
  counter: string;
  number: string;
  recent: string;
  empty: string;
  /** Said in the live region for each new call. */
  called: string;
  connecting: string;
  live: string;
  reconnecting: string;
}

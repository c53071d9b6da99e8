import type { NationalChannel } from '../catalogue/present.js';
import type { Db } from '../db/index.js';

/** What every handler may use. */
export interface AppContext {
  db: Db;
  nationalComplaintChannels: NationalChannel[];
  /** False once shutdown begins, so readiness fails before the listener closes. */
  accepting: boolean;
  /** Where uploaded attachments are stored (local storage; see applications/storage.ts). */
  uploadsDir: string;
  /** The current time; tests move it to check due dates and overdue flags. */
  now: () => Date;
}

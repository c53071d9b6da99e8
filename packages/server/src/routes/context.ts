import type { NationalChannel } from '../catalogue/present.js';
import type { Db } from '../db/index.js';

/** What every handler may use. */
export interface AppContext {
  db: Db;
  nationalComplaintChannels: NationalChannel[];
  /** False once shutdown begins, so readiness fails before the listener closes. */
  accepting: boolean;
}

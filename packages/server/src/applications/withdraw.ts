import type { Db } from '../db/index.js';
import { type ApplicationRow, applicationColumns } from './security.js';
import { transition } from './state.js';

/**
 * The citizen withdraws a draft or an application not yet decided (the state machine decides:
 * otherwise 409 invalid-transition). The optional reason is the citizen's own words: it goes to
 * the event's officer-only `note` (the agency sees why), not to `public_note`, which the status
 * view shows as the officer's message to the citizen. Returns the updated row.
 */
export async function withdrawApplication(
  db: Db,
  app: ApplicationRow,
  reason: string | undefined,
  now: Date,
): Promise<ApplicationRow> {
  return db.transaction(async (tx) => {
    // Locked and read again: the state machine judges the status as it is now, not as it was
    // when the request began.
    const [locked] = await tx.query<ApplicationRow>(
      `select ${applicationColumns} from application where id = $1 for update`,
      [app.id],
    );
    if (!locked) throw new Error(`application ${app.id} vanished`);
    // A body with a NUL never gets here (http/input.ts: 400).
    const note = reason?.trim() || null;
    await transition(tx, locked, 'citizen', 'withdrawn', { actor: 'citizen', at: now, note });
    const [withdrawn] = await tx.query<ApplicationRow>(
      `select ${applicationColumns} from application where id = $1`,
      [app.id],
    );
    if (!withdrawn) throw new Error(`application ${app.id} vanished`);
    return withdrawn;
  });
}

import type { components } from '@loket/sdk/contract';
import type { Queryable } from '../db/index.js';
import { type TicketRow, ticketNumber } from './present.js';
import type { CounterRow } from './site.js';

type BoardCall = components['schemas']['BoardCall'];

// The calls shown on a location's queue board: written by call next, read by the board stream.

interface CallRow {
  id: string;
  counter_id: string;
  counter_label: string;
  number: string;
  service_id: string;
  at: Date | string;
}

const columns = 'id::text as id, counter_id, counter_label, number, service_id, at';

export const presentCall = (row: CallRow): BoardCall => ({
  id: row.id,
  counter: { id: row.counter_id, label: row.counter_label },
  number: row.number,
  service_id: row.service_id,
  at: new Date(row.at).toISOString(),
});

export async function recordCall(tx: Queryable, t: TicketRow, counter: CounterRow, at: Date): Promise<void> {
  await tx.query(
    `insert into visit_call (location_id, day, counter_id, counter_label, ticket_id, number, service_id, at)
     values ($1, $2::date, $3, $4, $5, $6, $7, $8)`,
    [t.location_id, t.day, counter.id, counter.label, t.id, ticketNumber(t), t.service_id, at],
  );
}

/** The latest call of each counter of a location on a day, oldest first. */
export async function latestCalls(db: Queryable, location: string, day: string): Promise<BoardCall[]> {
  const rows = await db.query<CallRow>(
    `select ${columns} from visit_call where id in (
       select max(id) from visit_call where location_id = $1 and day = $2::date group by counter_id)
     order by id`,
    [location, day],
  );
  return rows.map(presentCall);
}

/** The calls of a location after event id `after`, oldest first (at most `limit`). */
export async function callsAfter(
  db: Queryable,
  location: string,
  after: string,
  limit = 200,
): Promise<BoardCall[]> {
  const rows = await db.query<CallRow>(
    `select ${columns} from visit_call where location_id = $1 and id > $2::bigint order by id limit $3`,
    [location, after, limit],
  );
  return rows.map(presentCall);
}

/** The newest event id of a location (0 when none), where a fresh board starts following. */
export async function lastCallId(db: Queryable, location: string): Promise<string> {
  const [row] = await db.query<{ id: string | null }>(
    'select max(id)::text as id from visit_call where location_id = $1',
    [location],
  );
  return row?.id ?? '0';
}

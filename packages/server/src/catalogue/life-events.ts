import type { Queryable } from '../db/index.js';
import { findServices, type Scope, type ServiceRow } from './services.js';

type Localized = { id: string; en: string };

/** data/catalogue/life-events.json */
export interface LifeEventsFile {
  life_events: {
    id: string;
    name: Localized;
    /** The typical path, in order, each step with why it is needed (from the rationale and sources). */
    services: { service: string; why: Localized }[];
    /** Needed only in the stated situation. */
    conditional?: { service: string; when: Localized }[];
    rationale: Localized;
    sources: string[];
  }[];
}

/** Service id → the ids of the life events it is part of (a step or a conditional step). */
export function lifeEventsOfServices(file: LifeEventsFile): Map<string, Set<string>> {
  const events = new Map<string, Set<string>>();
  for (const event of file.life_events) {
    const ids = [...event.services, ...(event.conditional ?? [])].map((step) => step.service);
    for (const id of ids) events.set(id, (events.get(id) ?? new Set()).add(event.id));
  }
  return events;
}

/** Replaces the life events with the file's, in its order (run after the services are upserted). */
export async function seedLifeEvents(tx: Queryable, file: LifeEventsFile): Promise<number> {
  await tx.query('delete from life_event');
  for (const [position, e] of file.life_events.entries()) {
    await tx.query(
      `insert into life_event (id, position, name_id, name_en, rationale_id, rationale_en, sources)
       values ($1, $2, $3, $4, $5, $6, $7::text[])`,
      [e.id, position, e.name.id, e.name.en, e.rationale.id, e.rationale.en, e.sources],
    );
    const steps = [
      ...e.services.map((s) => ({ service: s.service, conditional: false, why: s.why, when: null })),
      ...(e.conditional ?? []).map((s) => ({
        service: s.service,
        conditional: true,
        why: null,
        when: s.when,
      })),
    ];
    for (const [i, s] of steps.entries()) {
      await tx.query(
        `insert into life_event_step (event_id, position, service_id, conditional, why_id, why_en, when_id, when_en)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          e.id,
          i,
          s.service,
          s.conditional,
          s.why?.id ?? null,
          s.why?.en ?? null,
          s.when?.id ?? null,
          s.when?.en ?? null,
        ],
      );
    }
  }
  return file.life_events.length;
}

export interface LifeEventRow {
  id: string;
  name_id: string;
  name_en: string;
  rationale_id: string;
  rationale_en: string;
  sources: string[];
}

export interface LifeEventStepRow {
  event_id: string;
  service_id: string;
  conditional: boolean;
  why_id: string | null;
  why_en: string | null;
  when_id: string | null;
  when_en: string | null;
}

/** A life event with its steps, each with its service as `scope` sees it. */
export interface LifeEvent extends LifeEventRow {
  steps: (LifeEventStepRow & { service: ServiceRow })[];
}

const eventColumns = 'id, name_id, name_en, rationale_id, rationale_en, sources';

/** Every life event in display order, with how many steps of each kind `scope` offers. */
export async function listLifeEvents(
  db: Queryable,
  scope: Scope,
): Promise<(LifeEventRow & { step_count: number; conditional_count: number })[]> {
  const events = await db.query<LifeEventRow>(`select ${eventColumns} from life_event order by position, id`);
  const steps = await stepsOf(db, null, scope);
  return events.map((e) => {
    const own = steps.filter((s) => s.event_id === e.id);
    const conditional = own.filter((s) => s.conditional).length;
    return { ...e, step_count: own.length - conditional, conditional_count: conditional };
  });
}

export async function findLifeEvent(db: Queryable, id: string, scope: Scope): Promise<LifeEvent | null> {
  const [event] = await db.query<LifeEventRow>(`select ${eventColumns} from life_event where id = $1`, [id]);
  return event ? { ...event, steps: await stepsOf(db, id, scope) } : null;
}

/**
 * The steps of one event (or all), in order, with their services as `scope` sees them: a region's
 * overrides applied as in /v1/services; a step whose service the region does not offer is left out.
 */
async function stepsOf(db: Queryable, eventId: string | null, scope: Scope) {
  const steps = await db.query<LifeEventStepRow>(
    `select event_id, service_id, conditional, why_id, why_en, when_id, when_en from life_event_step
     where $1::text is null or event_id = $1 order by event_id, position`,
    [eventId],
  );
  const services = await findServices(db, [...new Set(steps.map((s) => s.service_id))], scope);
  const byId = new Map(services.map((row) => [row.id, row]));
  return steps.flatMap((step) => {
    const service = byId.get(step.service_id);
    return service ? [{ ...step, service }] : [];
  });
}

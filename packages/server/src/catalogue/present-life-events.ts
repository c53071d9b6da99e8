import type { components } from '@loket/sdk/contract';
import type { Lang } from '../messages/index.js';
import type { LifeEvent, LifeEventRow, listLifeEvents } from './life-events.js';
import { presentSummary } from './present.js';

type Schemas = components['schemas'];

const name = (row: { name_id: string; name_en: string }, lang: Lang) =>
  lang === 'en' ? row.name_en : row.name_id;
const rationale = (row: LifeEventRow, lang: Lang) => (lang === 'en' ? row.rationale_en : row.rationale_id);

export function presentLifeEventSummary(
  row: Awaited<ReturnType<typeof listLifeEvents>>[number],
  lang: Lang,
): Schemas['LifeEventSummary'] {
  return {
    id: row.id,
    name: name(row, lang),
    rationale: rationale(row, lang),
    step_count: row.step_count,
    conditional_count: row.conditional_count,
  };
}

export function presentLifeEvent(event: LifeEvent, lang: Lang): Schemas['LifeEvent'] {
  const produces = (step: LifeEvent['steps'][number]) => step.service.output[lang];
  return {
    lang,
    id: event.id,
    name: name(event, lang),
    rationale: rationale(event, lang),
    steps: event.steps
      .filter((step) => !step.conditional)
      .map((step) => ({
        service: presentSummary(step.service, lang),
        why: (lang === 'en' ? step.why_en : step.why_id) ?? '',
        produces: produces(step),
      })),
    conditional: event.steps
      .filter((step) => step.conditional)
      .map((step) => ({
        service: presentSummary(step.service, lang),
        when: (lang === 'en' ? step.when_en : step.when_id) ?? '',
        produces: produces(step),
      })),
    sources: event.sources,
  };
}

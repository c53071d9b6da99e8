import type { components } from '@loket/sdk/contract';
import { findRegion, scopeOf } from '../catalogue/regions.js';
import { findService, nationalScope } from '../catalogue/services.js';
import type { Queryable } from '../db/index.js';
import type { Lang } from '../messages/index.js';
import { notSubmitted } from './officer-desk.js';
import { iso, presentDue } from './present.js';
import { formatCode } from './secrets.js';
import type { ApplicationRow } from './security.js';

/**
 * The submission receipt ("Bukti pengajuan"): code, service, agency and what to bring to the
 * counter as the catalogue gives them in the application's region (its overrides applied), when
 * it was sent and the due date counted at submission. Never the secret, never an answer. Only an
 * application that was submitted has one.
 */
export async function applicationReceipt(
  db: Queryable,
  app: ApplicationRow,
  lang: Lang,
): Promise<components['schemas']['ApplicationReceipt']> {
  const code = formatCode(app.code);
  if (app.submitted_at === null) throw notSubmitted(code);
  const region = await findRegion(db, app.region_code);
  const service = await findService(db, app.service_id, region ? scopeOf(region) : nationalScope);
  const en = lang === 'en';
  return {
    lang,
    code,
    service: {
      id: app.service_id,
      name: service ? (en ? service.name_en : service.name_id) : app.service_id,
    },
    agency: {
      id: app.agency_id,
      name: service ? (en ? service.agency_name_en : service.agency_name_id) : app.agency_id,
    },
    region: app.region_code,
    status: app.status,
    submitted_at: iso(app.submitted_at),
    due: presentDue(app),
    bring: service?.requirements.map((r) => r[lang]) ?? [],
  };
}

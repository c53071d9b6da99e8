import type { components } from '@loket/sdk/contract';
import { checkOrigin } from '../applications/origins.js';
import { openApplication } from '../applications/security.js';
import { findRegion, scopeOf } from '../catalogue/regions.js';
import { findService } from '../catalogue/services.js';
import type { Db } from '../db/index.js';
import type { Limit } from '../limits.js';
import { say } from '../messages/index.js';
import { problem } from '../problem.js';
import { openBooking } from '../visits/manage.js';

type About = components['schemas']['ComplaintAboutRequest'];

/** What a complaint is about, resolved: whose inbox it goes to, and what it links. */
export interface Subject {
  kind: About['kind'];
  application_id: string | null;
  ticket_id: string | null;
  service_id: string;
  region_code: string;
  agency_id: string;
}

/**
 * Resolves `about`. An application or a visit must be proven with its code and secret, exactly as
 * its own lookup proves it (the same 404 for a wrong code or secret, the same lockout of the code,
 * the same origin rule): a complaint never tells whose application exists. The complaint goes to
 * the agency that handles the application, staffs the visit's counter, or provides the service in
 * the region (its regional override included).
 */
export async function resolveSubject(
  db: Db,
  about: About,
  given: { origin: string | undefined; lockout: Limit },
): Promise<Subject> {
  const { origin, lockout } = given;
  if (about.kind === 'application') {
    const app = await openApplication(db, { code: about.code, secret: about.secret, origin }, lockout);
    return {
      kind: 'application',
      application_id: app.id,
      ticket_id: null,
      service_id: app.service_id,
      region_code: app.region_code,
      agency_id: app.agency_id,
    };
  }
  if (about.kind === 'visit') {
    const ticket = await openBooking(db, { code: about.code, secret: about.secret, origin }, lockout);
    const [place] = await db.query<{ region_code: string; agency_id: string }>(
      `select l.region_code, c.agency_id from visit_counter c join location l on l.id = c.location_id
       where c.location_id = $1 and c.id = $2`,
      [ticket.location_id, ticket.counter_id],
    );
    if (!place) throw problem('not-found', 404, say('bookingNotFound', about.code), '/about/code');
    return {
      kind: 'visit',
      application_id: ticket.application_id,
      ticket_id: ticket.id,
      service_id: ticket.service_id,
      region_code: place.region_code,
      agency_id: place.agency_id,
    };
  }
  const region = await findRegion(db, about.region);
  if (!region) throw problem('unknown-region', 400, say('unknownRegion', about.region), '/about/region');
  await checkOrigin(db, origin, region.code);
  const service = await findService(db, about.service, scopeOf(region));
  if (!service) {
    throw problem(
      'not-found',
      404,
      say('complaintServiceNotHere', about.service, region.code),
      '/about/service',
    );
  }
  return {
    kind: 'service',
    application_id: null,
    ticket_id: null,
    service_id: service.id,
    region_code: region.code,
    agency_id: service.agency_id,
  };
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import { findRegion } from '../catalogue/regions.js';
import { pickLang } from '../http/lang.js';
import { citizenOrigin } from '../http/security.js';
import { say } from '../messages/index.js';
import { problem } from '../problem.js';
import { createBooking } from '../visits/book.js';
import { cancelBooking, rescheduleBooking } from '../visits/manage.js';
import { presentBooking, type TicketRow } from '../visits/present.js';
import { dayRemaining, loadBookings, planDay } from '../visits/schedule.js';
import { countersFor, listSites, requireSite, type Site } from '../visits/site.js';
import { localDate, plusDays } from '../visits/time.js';
import { type BoardOptions, streamBoard } from './board.js';
import type { AppContext, OperationRequest } from './context.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the bookingSecret security handler. */
    booking?: TicketRow;
  }
}

function bookingOf(request: FastifyRequest): TicketRow {
  if (!request.booking) throw new Error('bookingSecret did not run for this route');
  return request.booking;
}

/** Bookings carry personal data: never stored by any cache. */
const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');
/** Places left change by the second: a cache may keep them only briefly. */
const brief = (reply: FastifyReply) => reply.header('cache-control', 'public, max-age=5');

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};

function presentSite(site: Site) {
  const { location_id, name, address, region_code, timezone, lat, lng, coordinate_sources } = site;
  return {
    id: location_id,
    name,
    address,
    region_code,
    timezone,
    coordinates: lat === null || lng === null ? null : { lat, lng, sources: coordinate_sources ?? [] },
    demo: site.demo,
    note: site.note,
    counters: site.counters,
    policy: site.policy,
  };
}

/** The citizen's visit endpoints; the rules are in src/visits/*. */
/** The open board streams (ended when the server closes) and how they poll. */
export interface Boards {
  open: Set<() => void>;
  options: BoardOptions;
}

export function visitHandlers(ctx: AppContext, boards: Boards) {
  return {
    async listVisitLocations(request: OperationRequest<'listVisitLocations'>, reply: FastifyReply) {
      const { code } = request.params;
      const region = await findRegion(ctx.db, code);
      if (!region) throw problem('not-found', 404, say('regionNotFound', code));
      const { service } = request.query;
      const sites = (await listSites(ctx.db, region.code)).filter(
        (s) => service === undefined || s.counters.some((c) => c.service_ids.includes(service)),
      );
      brief(reply);
      return { lang: pickLang(request), region_code: region.code, data: sites.map(presentSite) };
    },

    async listVisitDays(request: OperationRequest<'listVisitDays'>, reply: FastifyReply) {
      const lang = pickLang(request);
      const site = await requireSite(ctx.db, request.params.id);
      const { service, days = 31 } = request.query;
      const counters = countersFor(site, service);
      const now = ctx.now();
      const today = localDate(now, site.timezone);
      const from = request.query.from ?? today;
      const to = plusDays(from, days - 1);
      const bookings = await loadBookings(ctx.db, site, from, to);
      const data = Array.from({ length: days }, (_, i) => {
        const date = plusDays(from, i);
        const plan = planDay(site, counters, date, now, bookings, lang);
        return {
          date,
          status: plan.status,
          reason: plan.reason,
          remaining: dayRemaining(site, plan, date, bookings),
        };
      });
      brief(reply);
      return {
        lang,
        location_id: site.location_id,
        service_id: service,
        timezone: site.timezone,
        today,
        data,
      };
    },

    async listVisitSlots(request: OperationRequest<'listVisitSlots'>, reply: FastifyReply) {
      const lang = pickLang(request);
      const site = await requireSite(ctx.db, request.params.id);
      const { service, date } = request.query;
      const counters = countersFor(site, service);
      const plan = planDay(
        site,
        counters,
        date,
        ctx.now(),
        await loadBookings(ctx.db, site, date, date),
        lang,
      );
      brief(reply);
      return {
        lang,
        location_id: site.location_id,
        service_id: service,
        date,
        timezone: site.timezone,
        status: plan.status,
        reason: plan.reason,
        slots: plan.slots,
      };
    },

    async streamQueueBoard(request: OperationRequest<'streamQueueBoard'>, reply: FastifyReply) {
      const site = await requireSite(ctx.db, request.params.id);
      let end: () => void = () => {};
      end = await streamBoard(ctx.db, site, request, reply, {
        ...boards.options,
        now: ctx.now,
        onEnd: () => boards.open.delete(end),
      });
      boards.open.add(end);
      return reply;
    },

    async createBooking(request: OperationRequest<'createBooking'>, reply: FastifyReply) {
      const result = await createBooking(ctx.db, request.body, {
        key: header(request, 'idempotency-key'),
        lang: pickLang(request),
        now: ctx.now(),
        origin: citizenOrigin(request, ctx.desk.publicUrl),
      });
      noStore(reply).code(result.status).header('location', `/v1/bookings/${result.body.code}`);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return result.body;
    },

    async getBooking(request: OperationRequest<'getBooking'>, reply: FastifyReply) {
      noStore(reply);
      return presentBooking(ctx.db, bookingOf(request), pickLang(request));
    },

    async cancelBooking(request: OperationRequest<'cancelBooking'>, reply: FastifyReply) {
      const ticket = await cancelBooking(ctx.db, bookingOf(request), ctx.now());
      noStore(reply);
      return presentBooking(ctx.db, ticket, pickLang(request));
    },

    async rescheduleBooking(request: OperationRequest<'rescheduleBooking'>, reply: FastifyReply) {
      const lang = pickLang(request);
      const ticket = await rescheduleBooking(ctx.db, bookingOf(request), request.body, {
        lang,
        now: ctx.now(),
      });
      noStore(reply);
      return presentBooking(ctx.db, ticket, lang);
    },
  } satisfies Record<string, (request: FastifyRequest<never>, reply: FastifyReply) => Promise<unknown>>;
}

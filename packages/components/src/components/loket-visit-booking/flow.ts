import {
  cancelBooking,
  createBooking,
  getBooking,
  getService,
  isLoketApiError,
  listVisitDays,
  listVisitLocations,
  listVisitSlots,
  newIdempotencyKey,
  rescheduleBooking,
} from '@loket/sdk';
import { Latest } from '../../kit/api';
import type { IsoDate } from './calendar';
import { visitText } from './messages';
import { nearestFirst } from './nearest';
import { type BookingState, type HeldBooking, locationOf, servicesAt } from './state';

/** This device's bookings (storage.ts): loaded with link.ts at start, not part of the first load. */
const device = () => import('./storage');

const problem = (error: unknown, kind: string) =>
  isLoketApiError(error) && error.status === 409 && error.type.endsWith(`:${kind}`);

/**
 * The booking's requests: each reads and writes the component's state (`BookingState`). A newer
 * request of the same kind cancels the older one (another place, another day).
 */
export function bookingFlow(s: BookingState) {
  const t = () => visitText.get(s.v.locale);
  const requests = { days: new Latest(), slots: new Latest() };

  async function locations(preset: { location?: string; service?: string }) {
    if (!s.regionCode) return;
    s.set({ phase: 'loading' });
    try {
      const list = await listVisitLocations(
        s.core,
        s.regionCode,
        preset.service ? { service: preset.service } : {},
      );
      s.set({ locations: list.data, placed: nearestFirst(list.data, null), phase: 'ready' });
      const chosen = list.data.find((l) => l.id === preset.location);
      if (chosen) await placeChosen(chosen.id, false);
    } catch {
      s.set({ phase: 'failed' });
    }
  }

  /** The services of a location, for their names (service step) and requirements (ticket). */
  async function services(ids: string[]) {
    const missing = ids.filter((id) => !s.v.services.has(id));
    const found = await Promise.all(missing.map((id) => getService(s.core, id).catch(() => null)));
    if (found.some(Boolean)) {
      const next = new Map(s.v.services);
      for (const service of found) if (service) next.set(service.id, service);
      s.set({ services: next });
    }
  }

  /** A place was chosen: its service is known (the page said, or it serves one) or asked next. */
  async function placeChosen(id: string, user = true) {
    s.set({ locationId: id });
    const offered = servicesAt(locationOf(s.v));
    const { serviceId } = s.v;
    if (serviceId && offered.includes(serviceId)) return serviceChosen(serviceId);
    if (offered.length === 1 && offered[0]) return serviceChosen(offered[0]);
    s.set({ serviceId: null });
    s.go('service');
    if (user) s.say('');
    await services(offered);
  }

  async function serviceChosen(id: string) {
    s.set({ serviceId: id });
    s.go('day');
    void services([id]);
    await days();
  }

  async function days() {
    const location = locationOf(s.v);
    const service = s.v.serviceId;
    if (!location || !service) return;
    const signal = requests.days.start();
    s.set({ days: null });
    try {
      const count = Math.min(62, location.policy.days_ahead + 1);
      const list = await listVisitDays(s.core, location.id, { service, days: count }, { signal });
      const first = list.data.find((d) => d.status === 'open');
      s.set({ days: list, focusedDay: s.v.day ?? first?.date ?? list.today, phase: 'ready' });
    } catch {
      if (!signal.aborted) s.set({ phase: 'failed' });
    }
  }

  async function slots(day: IsoDate) {
    const location = locationOf(s.v);
    const service = s.v.serviceId;
    if (!location || !service) return;
    const signal = requests.slots.start();
    s.set({ day, slots: null, time: null });
    s.go('slot');
    try {
      s.set({ slots: await listVisitSlots(s.core, location.id, { service, date: day }, { signal }) });
    } catch {
      if (!signal.aborted) s.set({ phase: 'failed' });
    }
  }

  /** Sends the booking (or the new time of the held one); a lost answer is sent again with its key. */
  async function confirm() {
    const v = s.v; // the answers as sent
    const { locationId, serviceId, day, time, booking: held } = v;
    if (v.busy || !locationId || !serviceId || !day || !time) return;
    s.set({ busy: true, general: null });
    try {
      if (v.rescheduling && held) {
        const moved = await rescheduleBooking(s.core, held.code, held.secret, { date: day, time });
        s.set({ booking: { ...moved, secret: held.secret }, rescheduling: false });
        s.say(t().ticket.rescheduled);
      } else {
        s.idempotencyKey ??= newIdempotencyKey();
        const { booking: created } = await createBooking(
          s.core,
          {
            service: serviceId,
            location: locationId,
            date: day,
            time,
            name: v.name.trim(),
            ...(v.phone.trim() && { phone: v.phone.trim() }),
            ...(v.email.trim() && { email: v.email.trim() }),
          },
          { idempotencyKey: s.idempotencyKey },
        );
        s.set({ booking: created });
        s.idempotencyKey = null;
        void device().then((d) => d.keepBooking(s.regionCode, created));
      }
      s.go('ticket');
    } catch (error) {
      if (
        problem(error, 'slot-full') ||
        problem(error, 'slot-unavailable') ||
        problem(error, 'daily-quota-reached')
      ) {
        s.idempotencyKey = null;
        await slots(day);
        s.set({ general: t().confirm.taken });
      } else {
        if (problem(error, 'already-booked')) s.idempotencyKey = null;
        s.set({ general: problem(error, 'already-booked') ? t().confirm.duplicate : t().confirm.failed });
      }
      s.focus('[part~="error-summary"]');
    } finally {
      s.set({ busy: false });
    }
  }

  async function cancel() {
    const b = s.v.booking;
    if (!b || s.v.cancelStep === 'sending') return;
    s.set({ cancelStep: 'sending' });
    try {
      const cancelled = await cancelBooking(s.core, b.code, b.secret);
      s.set({ booking: { ...cancelled, secret: b.secret }, cancelStep: 'closed' });
      void device().then((d) => d.forgetBooking(b.code));
      s.say(t().ticket.cancelled);
      s.focus('#loket-ticket-heading');
    } catch {
      s.set({ cancelStep: 'open', general: t().ticket.cancelFailed });
      s.focus('[part~="error-summary"]');
    }
  }

  /**
   * A booking the citizen holds (kept on this device, a link's or the page's code and secret, or
   * typed: then the form stays while it is looked up), shown when found (link.ts keeps it here).
   * Answers 200 when shown, else the API's refusal (404, 429…), or 0 without an answer.
   */
  async function open(code: string, secret: string, typed = false): Promise<number> {
    s.set(typed ? { busy: true } : { phase: 'loading' });
    try {
      const booking: HeldBooking = { ...(await getBooking(s.core, code, secret)), secret };
      s.set({
        booking,
        serviceId: booking.service.id,
        locationId: booking.location.id,
        phase: 'ready',
        rescheduling: false,
        cancelStep: 'closed',
      });
      s.go('ticket');
      void services([booking.service.id]);
      return 200;
    } catch (error) {
      s.set({ phase: 'ready' });
      return isLoketApiError(error) ? error.status : 0;
    } finally {
      s.set({ busy: false });
    }
  }

  const abort = () => {
    requests.days.abort();
    requests.slots.abort();
  };
  return { locations, placeChosen, serviceChosen, days, slots, confirm, cancel, open, services, abort };
}

export type BookingFlow = ReturnType<typeof bookingFlow>;

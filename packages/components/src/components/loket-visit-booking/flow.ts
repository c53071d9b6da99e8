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
import { forgetBooking, keepBooking } from './storage';

const problem = (error: unknown, kind: string) =>
  isLoketApiError(error) && error.status === 409 && error.type.endsWith(`:${kind}`);

/**
 * The booking's requests: each reads and writes the component's state (`BookingState`). A newer
 * request of the same kind cancels the older one (another place, another day).
 */
export function bookingFlow(s: BookingState) {
  const t = () => visitText.get(s.locale);
  const requests = { days: new Latest(), slots: new Latest() };

  async function locations(preset: { location?: string; service?: string }) {
    if (!s.regionCode) return;
    s.phase = 'loading';
    try {
      const list = await listVisitLocations(
        s.core,
        s.regionCode,
        preset.service ? { service: preset.service } : {},
      );
      s.locations = list.data;
      s.placed = nearestFirst(list.data, null);
      s.phase = 'ready';
      const chosen = list.data.find((l) => l.id === preset.location);
      if (chosen) await placeChosen(chosen.id, false);
    } catch {
      s.phase = 'failed';
    }
  }

  /** The services of a location, for their names (service step) and requirements (ticket). */
  async function services(ids: string[]) {
    const missing = ids.filter((id) => !s.services.has(id));
    const found = await Promise.all(missing.map((id) => getService(s.core, id).catch(() => null)));
    if (found.some(Boolean)) {
      const next = new Map(s.services);
      for (const service of found) if (service) next.set(service.id, service);
      s.services = next;
    }
  }

  /** A place was chosen: its service is known (the page said, or it serves one) or asked next. */
  async function placeChosen(id: string, user = true) {
    s.locationId = id;
    const offered = servicesAt(locationOf(s));
    if (s.serviceId && offered.includes(s.serviceId)) return serviceChosen(s.serviceId);
    if (offered.length === 1 && offered[0]) return serviceChosen(offered[0]);
    s.serviceId = null;
    s.go('service');
    if (user) s.say('');
    await services(offered);
  }

  async function serviceChosen(id: string) {
    s.serviceId = id;
    s.go('day');
    void services([id]);
    await days();
  }

  async function days() {
    const location = locationOf(s);
    if (!location || !s.serviceId) return;
    const signal = requests.days.start();
    s.days = null;
    try {
      const count = Math.min(62, location.policy.days_ahead + 1);
      const list = await listVisitDays(
        s.core,
        location.id,
        { service: s.serviceId, days: count },
        { signal },
      );
      s.days = list;
      const first = list.data.find((d) => d.status === 'open');
      s.focusedDay = s.day ?? first?.date ?? list.today;
      s.phase = 'ready';
    } catch {
      if (!signal.aborted) s.phase = 'failed';
    }
  }

  async function slots(day: IsoDate) {
    const location = locationOf(s);
    if (!location || !s.serviceId) return;
    const signal = requests.slots.start();
    s.day = day;
    s.slots = null;
    s.time = null;
    s.go('slot');
    try {
      s.slots = await listVisitSlots(s.core, location.id, { service: s.serviceId, date: day }, { signal });
    } catch {
      if (!signal.aborted) s.phase = 'failed';
    }
  }

  /** Sends the booking (or the new time of the held one); a lost answer is sent again with its key. */
  async function confirm() {
    if (s.busy || !s.locationId || !s.serviceId || !s.day || !s.time) return;
    s.busy = true;
    s.general = null;
    try {
      if (s.rescheduling && s.booking) {
        const moved = await rescheduleBooking(s.core, s.booking.code, s.booking.secret, {
          date: s.day,
          time: s.time,
        });
        s.booking = { ...moved, secret: s.booking.secret };
        s.rescheduling = false;
        s.say(t().ticket.rescheduled);
      } else {
        s.idempotencyKey ??= newIdempotencyKey();
        const { booking: created } = await createBooking(
          s.core,
          {
            service: s.serviceId,
            location: s.locationId,
            date: s.day,
            time: s.time,
            name: s.name.trim(),
            ...(s.phone.trim() && { phone: s.phone.trim() }),
            ...(s.email.trim() && { email: s.email.trim() }),
          },
          { idempotencyKey: s.idempotencyKey },
        );
        s.booking = created;
        s.idempotencyKey = null;
        keepBooking(s.regionCode, created);
      }
      s.go('ticket');
    } catch (error) {
      if (
        problem(error, 'slot-full') ||
        problem(error, 'slot-unavailable') ||
        problem(error, 'daily-quota-reached')
      ) {
        s.idempotencyKey = null;
        await slots(s.day);
        s.general = t().confirm.taken;
        s.focus('[part~="error-summary"]');
      } else {
        if (problem(error, 'already-booked')) s.idempotencyKey = null;
        s.general = problem(error, 'already-booked') ? t().confirm.duplicate : t().confirm.failed;
        s.focus('[part~="error-summary"]');
      }
    } finally {
      s.busy = false;
    }
  }

  async function cancel() {
    const b = s.booking;
    if (!b || s.cancelStep === 'sending') return;
    s.cancelStep = 'sending';
    try {
      s.booking = { ...(await cancelBooking(s.core, b.code, b.secret)), secret: b.secret };
      s.cancelStep = 'closed';
      forgetBooking(s.regionCode);
      s.say(t().ticket.cancelled);
      s.focus('#loket-ticket-heading');
    } catch {
      s.cancelStep = 'open';
      s.general = t().ticket.cancelFailed;
      s.focus('[part~="error-summary"]');
    }
  }

  /** A booking the citizen holds (kept on this device, or the page's `code` and `secret`). */
  async function open(code: string, secret: string): Promise<boolean> {
    s.phase = 'loading';
    try {
      const booking: HeldBooking = { ...(await getBooking(s.core, code, secret)), secret };
      Object.assign(s, {
        booking,
        serviceId: booking.service.id,
        locationId: booking.location.id,
        phase: 'ready',
      });
      s.go('ticket');
      void services([booking.service.id]);
      return true;
    } catch (error) {
      if (isLoketApiError(error) && error.status === 404) forgetBooking(s.regionCode);
      s.phase = 'ready';
      return false;
    }
  }

  const abort = () => {
    requests.days.abort();
    requests.slots.abort();
  };
  return { locations, placeChosen, serviceChosen, days, slots, confirm, cancel, open, services, abort };
}

export type BookingFlow = ReturnType<typeof bookingFlow>;

import { isEmail, normalizePhone } from '@loket/sdk/forms';
import type { StepErrors } from './fields';
import type { BookingFlow } from './flow';
import type { VisitMessages } from './messages';
import { type BookingState, type BookingView, locationOf, type Step, servicesAt } from './state';

/** What a step's "Lanjut" finds: its errors, the go-ahead, or (the last step) the booking to send. */
export function checkStep(s: BookingView, t: VisitMessages): StepErrors | 'ok' | 'confirm' {
  switch (s.step) {
    case 'place':
      return s.locationId ? 'ok' : { 'loket-place': t.place.missing };
    case 'service':
      return s.serviceId ? 'ok' : { 'loket-service': t.service.missing };
    case 'day':
      return s.day ? 'ok' : { 'loket-day': t.day.missing };
    case 'slot':
      return s.time ? 'ok' : { 'loket-slot': t.slot.missing };
    case 'contact': {
      const errors: StepErrors = {};
      const phone = s.phone.trim();
      const email = s.email.trim();
      if (!s.name.trim()) errors['loket-name'] = t.contact.nameMissing;
      if (!phone && !email) errors['loket-phone'] = t.contact.contactMissing;
      if (phone && !normalizePhone(phone)) errors['loket-phone'] = t.contact.phoneInvalid;
      if (email && !isEmail(email)) errors['loket-email'] = t.contact.emailInvalid;
      return Object.keys(errors).length ? errors : 'ok';
    }
    default:
      return 'confirm';
  }
}

/** The next step once the current one is answered (loading what it shows). */
export function advance(s: BookingState, flow: BookingFlow): void | Promise<void> {
  const { step, locationId, serviceId, day, rescheduling } = s.v;
  if (step === 'place' && locationId) return flow.placeChosen(locationId);
  if (step === 'service' && serviceId) return flow.serviceChosen(serviceId);
  if (step === 'day' && day) return flow.slots(day);
  if (step === 'slot') return s.go(rescheduling ? 'confirm' : 'contact');
  if (step === 'contact') return s.go('confirm');
}

const PREVIOUS: Partial<Record<Step, Step>> = {
  service: 'place',
  day: 'service',
  slot: 'day',
  contact: 'slot',
  confirm: 'contact',
};

/**
 * Where "Kembali" goes: the step before, skipping the service step when there was no choice to
 * make; while rescheduling, back through the day and time to the ticket.
 */
export function previousStep(s: BookingView, fixedService: string | undefined): Step | undefined {
  if (s.rescheduling) {
    if (s.step === 'day') return 'ticket';
    if (s.step === 'slot') return 'day';
    if (s.step === 'confirm') return 'slot';
  }
  const previous = PREVIOUS[s.step];
  if (previous === 'service' && (fixedService || servicesAt(locationOf(s)).length === 1)) return 'place';
  return previous;
}

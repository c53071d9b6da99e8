import type {
  Booking,
  CreatedBooking,
  LoketCore,
  Service,
  VisitDayList,
  VisitLocation,
  VisitSlotList,
} from '@loket/sdk';
import type { Locale } from '../../i18n';
import type { IsoDate } from './calendar';
import type { StepErrors } from './fields';
import type { Placed } from './nearest';

export type Step = 'place' | 'service' | 'day' | 'slot' | 'contact' | 'confirm' | 'ticket';

/** A booking as the citizen holds it: the secret comes only with the answer that created it. */
export type HeldBooking = Booking & { secret: string };

/** What the steps read from <loket-visit-booking> and the loaders change on it. */
export interface BookingState {
  readonly core: LoketCore;
  readonly locale: Locale;
  readonly regionCode: string | null;
  step: Step;
  phase: 'loading' | 'failed' | 'ready';
  locations: VisitLocation[] | null;
  placed: Placed<VisitLocation>[];
  sorting: 'none' | 'busy' | 'sorted' | 'denied';
  locationId: string | null;
  serviceId: string | null;
  /** Services of the chosen location by id (names for the service step, requirements for the ticket). */
  services: Map<string, Service>;
  days: VisitDayList | null;
  focusedDay: IsoDate | null;
  day: IsoDate | null;
  slots: VisitSlotList | null;
  time: string | null;
  name: string;
  phone: string;
  email: string;
  errors: StepErrors;
  general: string | null;
  busy: boolean;
  booking: HeldBooking | null;
  /** Rescheduling the held booking (the day and slot steps lead back to the ticket). */
  rescheduling: boolean;
  cancelStep: 'closed' | 'open' | 'sending';
  /** The key of the booking being sent, kept across retries so the server books once. */
  idempotencyKey: string | null;
  go(step: Step): void;
  say(text: string): void;
  focus(selector: string): void;
}

export const locationOf = (s: BookingState) => s.locations?.find((l) => l.id === s.locationId) ?? null;

/** The counters of the chosen location that serve the chosen service. */
export const countersOf = (s: BookingState) =>
  locationOf(s)?.counters.filter((c) => s.serviceId && c.service_ids.includes(s.serviceId)) ?? [];

/** Every service a counter of the location serves, in the counters' order, once. */
export const servicesAt = (location: VisitLocation | null) => [
  ...new Set(location?.counters.flatMap((c) => c.service_ids) ?? []),
];

export const held = (created: CreatedBooking): HeldBooking => created;

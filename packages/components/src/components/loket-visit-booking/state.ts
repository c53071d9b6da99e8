import type { Booking, LoketCore, Service, VisitDayList, VisitLocation, VisitSlotList } from '@loket/sdk';
import type { Locale } from '../../i18n';
import type { IsoDate } from './calendar';
import type { StepErrors } from './fields';
import type { Placed } from './nearest';

export type Step = 'place' | 'service' | 'day' | 'slot' | 'contact' | 'confirm' | 'ticket' | 'lookup';

/** A booking as the citizen holds it: the secret comes only with the answer that created it. */
export type HeldBooking = Booking & { secret: string };

/**
 * Everything <loket-visit-booking> shows, in ONE @State: the lazy loader that every citizen page
 * downloads lists each @State of every component, so one object costs one entry (issue 14).
 * The steps read it; the flow changes it with `set`, which replaces it (Stencil renders again).
 */
export interface BookingView {
  locale: Locale;
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
  /** "Lihat antrean Anda" (lookup.tsx, which sets them): the code from a link, and the secret typed. */
  lookupCode?: string;
  lookupSecret?: string;
  errors: StepErrors;
  general: string | null;
  busy: boolean;
  booking: HeldBooking | null;
  /** Rescheduling the held booking (the day and slot steps lead back to the ticket). */
  rescheduling: boolean;
  cancelStep: 'closed' | 'open' | 'sending';
  announcement: string;
  /** The ticket's QR code and calendar file (object URLs), made after the ticket shows. */
  extras: { qrHref: string | null; calendarHref: string | null };
}

export const initialView = (locale: Locale): BookingView => ({
  locale,
  step: 'place',
  phase: 'loading',
  locations: null,
  placed: [],
  sorting: 'none',
  locationId: null,
  serviceId: null,
  services: new Map(),
  days: null,
  focusedDay: null,
  day: null,
  slots: null,
  time: null,
  name: '',
  phone: '',
  email: '',
  errors: {},
  general: null,
  busy: false,
  booking: null,
  rescheduling: false,
  cancelStep: 'closed',
  announcement: '',
  extras: { qrHref: null, calendarHref: null },
});

/** What the flow and the step rules use of <loket-visit-booking>. */
export interface BookingState {
  readonly core: LoketCore;
  readonly regionCode: string | null;
  /** What the booking shows (read it again after an `await`: `set` replaces it). */
  readonly v: BookingView;
  set(patch: Partial<BookingView>): void;
  /** The key of the booking being sent, kept across retries so the server books once. */
  idempotencyKey: string | null;
  go(step: Step): void;
  say(text: string): void;
  focus(selector: string): void;
}

export const locationOf = (v: BookingView) => v.locations?.find((l) => l.id === v.locationId) ?? null;

/** The counters of the chosen location that serve the chosen service. */
export const countersOf = (v: BookingView) =>
  locationOf(v)?.counters.filter((c) => v.serviceId && c.service_ids.includes(v.serviceId)) ?? [];

/** Every service a counter of the location serves, in the counters' order, once. */
export const servicesAt = (location: VisitLocation | null) => [
  ...new Set(location?.counters.flatMap((c) => c.service_ids) ?? []),
];

import type { Plural } from '../../../i18n';

/** Every string of <loket-visit-booking>. Names of places, services and counters come from the API. */
export interface VisitMessages {
  heading: string;
  intro: string;
  loading: string;
  failed: string;
  retry: string;
  back: string;
  next: string;
  errorTitle: string;
  errorPrefix: string;
  step: string;
  place: {
    heading: string;
    hint: string;
    none: string;
    nearest: string;
    nearestBusy: string;
    nearestDenied: string;
    nearestSorted: string;
    /** No location has sourced coordinates yet: sorting by distance is not offered. */
    noCoordinates: string;
    km: string;
    noDistance: string;
    missing: string;
  };
  service: {
    heading: string;
    hint: string;
    counter: string;
    none: string;
    missing: string;
  };
  day: {
    heading: string;
    hint: string;
    previous: string;
    next: string;
    weekdays: string[];
    weekdaysLong: string[];
    legendOpen: string;
    legendClosed: string;
    holiday: string;
    closed: string;
    full: string;
    outside: string;
    missing: string;
  };
  slot: {
    heading: string;
    hint: string;
    remaining: Plural;
    none: string;
    missing: string;
  };
  contact: {
    heading: string;
    hint: string;
    name: string;
    nameHint: string;
    nameMissing: string;
    phone: string;
    phoneHint: string;
    email: string;
    emailHint: string;
    contactMissing: string;
    phoneInvalid: string;
    emailInvalid: string;
  };
  confirm: {
    heading: string;
    place: string;
    service: string;
    when: string;
    who: string;
    change: string;
    submit: string;
    sending: string;
    taken: string;
    duplicate: string;
    failed: string;
  };
  ticket: {
    heading: string;
    number: string;
    when: string;
    place: string;
    counter: string;
    code: string;
    secret: string;
    secretHint: string;
    bring: string;
    bringHint: string;
    bringNone: string;
    qr: string;
    qrHint: string;
    calendar: string;
    calendarFile: string;
    calendarDetails: string;
    reschedule: string;
    cancel: string;
    cancelHeading: string;
    cancelBody: string;
    cancelConfirm: string;
    cancelKeep: string;
    cancelled: string;
    cancelFailed: string;
    rescheduling: string;
    rescheduled: string;
    another: string;
    status: Record<import('@loket/sdk').BookingStatus, string>;
  };
}

import type { CreatedBooking } from '@loket/sdk';

/**
 * The booking this device holds (its code and secret), so a reload or a visit later in the day
 * shows the ticket again; per region, in localStorage, as the form keeps its applications.
 * Forgotten when cancelled or asked for another.
 */
const key = (region: string | null) => `loket.visit.${region ?? ''}`;

export function keepBooking(region: string | null, booking: CreatedBooking): void {
  try {
    localStorage.setItem(key(region), JSON.stringify({ code: booking.code, secret: booking.secret }));
  } catch {
    // Storage full or forbidden (a private window): the ticket is still shown now.
  }
}

export function keptBooking(region: string | null): { code: string; secret: string } | null {
  try {
    const value = JSON.parse(localStorage.getItem(key(region)) ?? 'null');
    return typeof value?.code === 'string' && typeof value?.secret === 'string' ? value : null;
  } catch {
    return null;
  }
}

export function forgetBooking(region: string | null): void {
  try {
    localStorage.removeItem(key(region));
  } catch {
    // Nothing kept.
  }
}

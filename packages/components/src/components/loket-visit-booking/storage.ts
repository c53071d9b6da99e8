import { type DeviceKey, deviceKeys } from '../../utils/device-keys';

/**
 * The bookings this device holds (code and secret), in the list the tracker keeps applications in
 * (utils/device-keys.ts, `loket:visit:v1`): every one booked or opened here, so a booking's manage
 * link (`#kode=…`, which never carries the secret) opens its ticket on this device without asking.
 * The latest one of the region is shown again on a reload or a later visit, until the citizen
 * asks for another; a cancelled one is forgotten.
 */
interface DeviceBooking extends DeviceKey {
  region: string | null;
  /** Shown again when the page opens (false after "Ambil antrean lain"). */
  shown: boolean;
}

const list = deviceKeys<DeviceBooking>('loket:visit:v1');

export function keepBooking(region: string | null, { code, secret }: { code: string; secret: string }): void {
  list.keep({ code, secret, region, shown: true, seen: new Date().toISOString() });
}

/** The booking to show when the page opens: the region's latest, unless another was asked for. */
export function keptBooking(region: string | null): DeviceBooking | null {
  const latest = list.read().find((b) => b.region === region);
  return latest?.shown ? latest : null;
}

/** The secret this device holds for `code`, if any. */
export const keptSecret = (code: string) => list.find(code)?.secret ?? null;

/** "Ambil antrean lain": the region's booking is no longer shown on return (its secret stays). */
export function leaveBooking(region: string | null): void {
  const latest = keptBooking(region);
  if (latest) list.keep({ ...latest, shown: false });
}

export const forgetBooking = (code: string) => list.forget(code);

import type { ApplicationStatus, ApplicationStatusCode } from '@loket/sdk';
import type { ApplicationKey } from '@loket/sdk/session';
import { area, type DeviceKey, deviceKeys, parse, sameCode } from './device-keys';

export { sameCode };

/**
 * The applications this device knows (the tracker's "Permohonan di perangkat ini"): each one the
 * tracker opened here, and each one the form sent from here (its record keeps the code and
 * secret: `loket:application:v1:…`). In `localStorage`, so a reload or the menu's "Lacak
 * permohonan" link finds them; nothing leaves the device. The application shown in this tab is in
 * `sessionStorage`, so a reload opens it again.
 */
export interface DeviceApplication extends DeviceKey {
  /** The service's name as the API last said it. */
  service: string;
  status: ApplicationStatusCode | null;
}

const CURRENT = 'loket:tracker:current';
const RECORDS = 'loket:application:v1:';
const list = deviceKeys<DeviceApplication>('loket:tracker:v1');

/** The form's records of applications sent from this device. */
function sentRecords(): { name: string; entry: DeviceApplication }[] {
  const storage = area('localStorage');
  const found: { name: string; entry: DeviceApplication }[] = [];
  for (let i = 0; storage && i < storage.length; i++) {
    const name = storage.key(i);
    if (!name?.startsWith(RECORDS)) continue;
    const record = parse(storage.getItem(name)) as {
      key?: ApplicationKey | null;
      submitted?: ApplicationStatus | null;
    } | null;
    const { key, submitted } = record ?? {};
    if (!key?.code || !key.secret || !submitted?.code) continue;
    const seen = submitted.history?.at(-1)?.at ?? new Date(0).toISOString();
    found.push({ name, entry: { ...key, service: submitted.service.name, status: submitted.status, seen } });
  }
  return found;
}

/** Every application this device knows, the latest seen first; one entry per code. */
export function deviceApplications(): DeviceApplication[] {
  const all = [...list.read(), ...sentRecords().map((r) => r.entry)];
  const unique = all.filter((a, i) => all.findIndex((b) => sameCode(a.code, b.code)) === i);
  return unique.sort((a, b) => b.seen.localeCompare(a.seen));
}

/** Keeps an application opened here (with its latest secret and status), and shows it on reload. */
export function rememberOnDevice(key: ApplicationKey, status: ApplicationStatus, now = new Date()): void {
  const entry = {
    code: status.code,
    secret: key.secret,
    service: status.service.name,
    status: status.status,
  };
  list.keep({ ...entry, seen: now.toISOString() });
  try {
    area('sessionStorage')?.setItem(CURRENT, status.code);
  } catch {
    // blocked: a reload shows the list instead
  }
}

/** Takes the code and secret off this device (the tracker's list and the form's record of it). */
export function forgetOnDevice(code: string): void {
  list.forget(code);
  for (const { name, entry } of sentRecords()) {
    if (sameCode(entry.code, code)) area('localStorage')?.removeItem(name);
  }
  if (sameCode(currentOnDevice() ?? '', code)) leaveCurrent();
}

/** The code shown last in this tab (sessionStorage), if any. */
export function currentOnDevice(): string | null {
  try {
    return area('sessionStorage')?.getItem(CURRENT) ?? null;
  } catch {
    return null;
  }
}

/** "Lacak permohonan lain": a reload no longer opens the one shown. */
export function leaveCurrent(): void {
  try {
    area('sessionStorage')?.removeItem(CURRENT);
  } catch {
    // blocked
  }
}

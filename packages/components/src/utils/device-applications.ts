import type { ApplicationStatus, ApplicationStatusCode } from '@loket/sdk';
import type { ApplicationKey } from '@loket/sdk/session';

/**
 * The applications this device knows (the tracker's "Permohonan di perangkat ini"): each one the
 * tracker opened here, and each one the form sent from here (its record keeps the code and
 * secret: `loket:application:v1:…`). In `localStorage`, so a reload or the menu's "Lacak
 * permohonan" link finds them; nothing leaves the device. The application shown in this tab is in
 * `sessionStorage`, so a reload opens it again.
 */
export interface DeviceApplication extends ApplicationKey {
  /** The service's name as the API last said it. */
  service: string;
  status: ApplicationStatusCode | null;
  /** When it was last opened or sent here (ISO 8601). */
  seen: string;
}

const LIST = 'loket:tracker:v1';
const CURRENT = 'loket:tracker:current';
const RECORDS = 'loket:application:v1:';

/** A code as the API compares it: upper case, no dashes, no `LKT` prefix. */
export const sameCode = (a: string, b: string) => {
  const bare = (code: string) => code.toUpperCase().replace(/[\s-]/g, '').replace(/^LKT/, '');
  return bare(a) === bare(b);
};

function area(name: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return globalThis[name] ?? null;
  } catch {
    return null; // blocked (private mode, a sandboxed frame)
  }
}

function parse(text: string | null | undefined): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

const isEntry = (v: unknown): v is DeviceApplication => {
  const e = v as Partial<DeviceApplication> | null;
  return !!e && typeof e.code === 'string' && typeof e.secret === 'string' && typeof e.seen === 'string';
};

function stored(): DeviceApplication[] {
  const list = parse(area('localStorage')?.getItem(LIST));
  return Array.isArray(list) ? list.filter(isEntry) : [];
}

function write(list: DeviceApplication[]): void {
  try {
    area('localStorage')?.setItem(LIST, JSON.stringify(list));
  } catch {
    // full or blocked: the list lives as long as the page
  }
}

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
  const all = [...stored(), ...sentRecords().map((r) => r.entry)];
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
  write([{ ...entry, seen: now.toISOString() }, ...stored().filter((a) => !sameCode(a.code, key.code))]);
  try {
    area('sessionStorage')?.setItem(CURRENT, status.code);
  } catch {
    // blocked: a reload shows the list instead
  }
}

/** Takes the code and secret off this device (the tracker's list and the form's record of it). */
export function forgetOnDevice(code: string): void {
  write(stored().filter((a) => !sameCode(a.code, code)));
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

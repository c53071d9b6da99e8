/**
 * The codes and secrets this device keeps, one list per kind in `localStorage`, the latest first:
 * applications the tracker opened (`loket:tracker:v1`, utils/device-applications.ts) and visits
 * booked or opened here (`loket:visit:v1`, loket-visit-booking/storage.ts). A reload, the menu's
 * link or a notification's `#kode=…` link (which never carries the secret) then opens them without
 * asking for the secret again. Nothing leaves the device.
 */
export interface DeviceKey {
  code: string;
  secret: string;
  /** When it was last opened or sent here (ISO 8601). */
  seen: string;
}

/** A code as the API compares it: upper case, no dashes, no `LKT` prefix. */
export const sameCode = (a: string, b: string) => {
  const bare = (code: string) => code.toUpperCase().replace(/[\s-]/g, '').replace(/^LKT/, '');
  return bare(a) === bare(b);
};

export function area(name: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return globalThis[name] ?? null;
  } catch {
    return null; // blocked (private mode, a sandboxed frame)
  }
}

export function parse(text: string | null | undefined): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

const isKey = (v: unknown): v is DeviceKey => {
  const e = v as Partial<DeviceKey> | null;
  return !!e && typeof e.code === 'string' && typeof e.secret === 'string' && typeof e.seen === 'string';
};

/** The list named `name`: read, keep (first, once per code), forget. */
export function deviceKeys<T extends DeviceKey>(name: string) {
  const read = (): T[] => {
    const list = parse(area('localStorage')?.getItem(name));
    return Array.isArray(list) ? (list.filter(isKey) as T[]) : [];
  };
  const write = (list: T[]) => {
    try {
      area('localStorage')?.setItem(name, JSON.stringify(list));
    } catch {
      // full or blocked: the list lives as long as the page
    }
  };
  const others = (code: string) => read().filter((k) => !sameCode(k.code, code));
  return {
    read,
    find: (code: string) => read().find((k) => sameCode(k.code, code)),
    keep: (entry: T) => write([entry, ...others(entry.code)]),
    forget: (code: string) => write(others(code)),
  };
}

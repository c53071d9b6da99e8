import type { Locale } from '../../i18n';
import type { BookingFlow } from './flow';
import type { BookingState } from './state';
import { forgetBooking, keepBooking, keptBooking, keptSecret, leaveBooking } from './storage';

// Which booking the page opens with, and this device's bookings: loaded at start (with storage.ts
// and the shared utils/device-keys.ts), so none of it is in the booking's first load.

/** How opening a booking by code and secret ended (from the API's answer: flow.ts `open`). */
export type Opened = 'ok' | 'not-found' | 'too-many' | 'failed';

const outcomeOf = (status: number): Opened =>
  status === 200
    ? 'ok'
    : status === 404 || status === 400
      ? 'not-found'
      : status === 429
        ? 'too-many'
        : 'failed';

/** A booking to open: its code, and its secret when the link or the page gave it. */
interface WantedBooking {
  code: string;
  secret: string | null;
}

/**
 * The booking named by the page URL's fragment: the manage link of the visit e-mails and webhooks
 * (`LOKET_BOOKING_URL`, `…/antrean.html#kode=ANT-…`, never with the secret) or a link that carries
 * its secret too (`#kode=…&rahasia=…`, as every Loket link carries a key: utils/application-link.ts
 * says why in the fragment). Both are taken out of the address bar, history and screenshots at
 * once; null when the fragment names no booking. Read here rather than through that module, as the
 * survey does (loket-satisfaction-survey/link.ts): one more component sharing it would split it
 * into a chunk of its own, one more file in the tracker's and the form's first loads.
 */
function linkedBooking(): WantedBooking | null {
  const url = new URL(location.href);
  const params = new URLSearchParams(url.hash.slice(1));
  const [code, secret] = ['kode', 'rahasia'].map((name) => params.get(name)?.trim());
  if (!code || params.has('pulih')) return null; // `pulih`: an application's recovery link
  params.delete('kode');
  params.delete('rahasia');
  url.hash = params.toString();
  history.replaceState(history.state, '', url.href.replace(/#$/, ''));
  return { code, secret: secret || null };
}

/**
 * The booking a link or the page's `code` names: opened with its secret (given, or the one this
 * device keeps); without one, or when the one given does not open it, "Lihat antrean Anda"
 * (lookup.tsx, loaded then) asks for it with the code filled in. A failure of the network shows
 * "Coba lagi", which tries the same booking again. Without a link, the region's kept booking.
 */
export function bookingLinks(host: BookingState, flow: BookingFlow) {
  let wanted: WantedBooking | null = null;
  let lookup: typeof import('./lookup') | undefined;

  /** Opens a booking; found, it is kept on this device; refused, a secret kept for it is dropped. */
  async function open(code: string, secret: string, typed = false): Promise<Opened> {
    const outcome = outcomeOf(await flow.open(code, secret, typed));
    if (outcome === 'ok') keepBooking(host.regionCode, { code, secret });
    if (outcome === 'not-found' && keptSecret(code) === secret) forgetBooking(code);
    return outcome;
  }

  async function openWanted(): Promise<boolean> {
    const { code, secret: given } = wanted as WantedBooking;
    const secret = given ?? keptSecret(code);
    const opened = secret ? await open(code, secret) : 'unknown';
    if (opened === 'failed') host.set({ phase: 'failed' });
    else {
      wanted = null;
      if (opened !== 'ok') {
        lookup ??= await import('./lookup');
        await lookup.askSecret(host, code, given ? opened : 'unknown');
      }
    }
    return true;
  }

  return {
    /** At start (and "Coba lagi"): the booking `code`, the link or this device names; false: none. */
    async start(code: string | undefined, secret: string | undefined): Promise<boolean> {
      wanted ??= code ? { code, secret: secret ?? null } : linkedBooking();
      if (wanted) return openWanted();
      const kept = keptBooking(host.regionCode);
      return !!kept && (await open(kept.code, kept.secret)) === 'ok';
    },
    /** A manage link followed in this tab (hashchange): opened as at start. */
    follow() {
      const linked = linkedBooking();
      if (linked) {
        wanted = linked;
        void openWanted();
      }
    },
    /** "Ambil antrean lain": the region's booking is not shown again on return. */
    leave: () => leaveBooking(host.regionCode),
    get Lookup() {
      return lookup?.LookupStep;
    },
    submit: () => void lookup?.submitLookup(host, open),
    load: async (locale: Locale) => void (await lookup?.lookupText.load(locale)),
  };
}

export type BookingLinks = ReturnType<typeof bookingLinks>;

import { fill } from '../../i18n';
import type { VisitZone } from './ics';
import type { VisitMessages } from './messages';
import type { HeldBooking } from './state';

/**
 * What the ticket shows once it is on screen, from modules loaded then (this one too: none of it
 * is in the first load): the QR code (uqr) and the calendar file, whose event links to this page
 * with the booking's code (`#kode=…`, as the visit e-mails do: never the secret, since calendars
 * are synced to other services), which opens the ticket on this device and asks for the secret
 * elsewhere.
 */
export async function ticketExtras(b: HeldBooking, t: VisitMessages) {
  const [{ qrPath }, { calendarHref }] = await Promise.all([import('./qr'), import('./ics')]);
  const calendar =
    b.status === 'booked'
      ? calendarHref({
          uid: `${b.code}@loket`,
          start: b.starts_at,
          end: new Date(Date.parse(b.starts_at) + minutesBetween(b.time, b.end) * 60_000).toISOString(),
          timeZone: b.timezone as VisitZone,
          summary: `${b.service.name} · ${b.location.name}`,
          location: [b.location.name, b.location.address].filter(Boolean).join(', '),
          description: fill(t.ticket.calendarDetails, {
            number: b.ticket.number,
            counter: b.counter.label,
            code: b.code,
          }),
          sequence: Math.floor(Date.now() / 1000),
          url: `${location.origin}${location.pathname}#kode=${encodeURIComponent(b.code)}`,
        })
      : null;
  return { qrHref: b.status === 'booked' ? qrImage(qrPath(b.ticket.qr)) : null, calendarHref: calendar };
}

/**
 * The QR code as an SVG file's object URL for an `<img>` (a page's CSP allows `blob:` images
 * where it allows the form's thumbnails; inline SVG would add Stencil's SVG support to every
 * component's runtime).
 */
function qrImage({ size, d }: { size: number; d: string }): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`;
  return URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
}

/** Minutes from `HH:MM` to `HH:MM`. */
const minutesBetween = (from: string, to: string) => {
  const m = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  return m(to) - m(from);
};

import { Component, Element, Event, type EventEmitter, Host, h, Prop, State, Watch } from '@stencil/core';
import { localeOf } from '../../i18n';
import { coreOf } from '../../kit/api';
import { Focus } from '../../kit/focus';
import { announcer, LiveRegion } from '../../kit/live-region';
import { watchLocale } from '../../kit/locale';
import { configValue } from '../../utils/config';
import { SERVICE_PARAM } from '../../utils/service-param';
import { BookingBody, type TicketActions } from './body';
import { type BookingFlow, bookingFlow } from './flow';
import type { BookingLinks } from './link';
import { visitText } from './messages';
import { currentPosition, nearestFirst } from './nearest';
import {
  type BookingState,
  type BookingView,
  type HeldBooking,
  initialView,
  locationOf,
  type Step,
  servicesAt,
} from './state';
import { advance, checkStep, previousStep } from './step-rules';
import type { StepProps } from './steps';

export interface LoketVisitBookedDetail {
  /** The booking code (`ANT-XXXX-XXXX`). */
  code: string;
  location: string;
  service: string;
  date: string;
  time: string;
}

/**
 * Books a visit to an MPP counter: the place (the region's MPPs; nearest first where their
 * coordinates are known and the citizen shares a location), the service, a day in a calendar
 * that knows holidays and closed days, a time with its places left, name and phone or e-mail;
 * then a ticket with the queue number, what to bring, a QR code for check-in, a calendar file,
 * and changing or cancelling, kept on the device and shown again on return. A manage link
 * (`#kode=…`, the visit e-mails') opens a ticket with the secret kept here, or asks for it.
 *
 * @part base - Everything the booking shows. @part step - Each step's form. @part error-summary - A step's errors.
 * @part choices - A step's options. @part choice - One option. @part input - The text fields.
 * @part button - Every button. @part next - A step's main button. @part back - "Kembali".
 * @part calendar - The day picker. @part grid - Its month. @part day - One day. @part legend - Its legend.
 * @part nearest - "Urutkan dari yang terdekat". @part no-coordinates - Why the places are not sorted by distance.
 * @part answers - The answers to check. @part ticket - The ticket. @part ticket-card - The ticket's card.
 * @part number - The queue number. @part status - The booking's status. @part qr - The QR code.
 * @part checklist - What to bring. @part actions - The ticket's buttons. @part calendar-file - unused.
 * @part survey - The satisfaction survey (`<loket-satisfaction-survey>`) of a served visit.
 * @part cancel - The cancel confirmation. @part empty - No place takes bookings. @part error - Loading failed.
 * @part retry - "Coba lagi" after loading failed. @part lookup - "Lihat antrean Anda": the secret asked for.
 * @part confirm - The step that confirms the booking. @part month-previous - The previous month. @part month-next - The next month.
 * @part reschedule - "Ubah jadwal". @part cancel-open - "Batalkan". @part cancel-confirm - Confirms the cancellation.
 * @part cancel-keep - Keeps the booking. @part another - Books another visit.
 */
@Component({
  tag: 'loket-visit-booking',
  styleUrls: ['../../kit/base.css', 'loket-visit-booking.css'],
  shadow: true,
})
export class LoketVisitBooking implements BookingState {
  @Element() el!: HTMLElement;

  /** Base URL of the Loket API; falls back to `data-loket-api-base` on an ancestor or `<meta name="loket-api-base">`. */
  @Prop() apiBase?: string;
  /** Kemendagri code of the region whose MPPs are listed; falls back like `api-base`. */
  @Prop() region?: string;
  /** The service to book for (its id); else the page URL's `?layanan=`; without either the citizen chooses among the place's counters. */
  @Prop() service?: string;
  /** A location to start at (its id), else the page URL's `?lokasi=` (the finder's "Ambil antrean di MPP" link sets both). */
  @Prop() location?: string;
  /** A booking to show, else the page URL's `#kode=…` (its manage link); its secret: `secret`, kept here, or asked. */
  @Prop() code?: string;
  /** The booking's secret, with `code`. */
  @Prop() secret?: string;

  /** Everything it shows, in one object (state.ts: one entry in the shared lazy loader). */
  @State() v: BookingView = initialView('id');
  idempotencyKey: string | null = null;

  /** A booking was made (not on a reschedule). */
  @Event() loketVisitBooked!: EventEmitter<LoketVisitBookedDetail>;

  private flow: BookingFlow = bookingFlow(this);
  private focusing = new Focus(() => this.el.shadowRoot);
  say = announcer((announcement) => this.set({ announcement }));
  private unwatchLocale?: () => void;
  private extrasFor: string | null = null;
  /** The service the page asked for (attribute or `?layanan=`): its step is skipped. */
  private fixedService?: string;
  /** Links, this device's bookings and "Lihat antrean Anda" (link.ts), loaded at start. */
  private links?: BookingLinks;

  get regionCode() {
    return configValue(this.el, 'region', this.region) ?? null;
  }

  get core() {
    return coreOf(this.el, this.apiBase, this.locale, this.regionCode);
  }

  get locale() {
    return this.v.locale;
  }

  get t() {
    return visitText.get(this.locale);
  }

  set(patch: Partial<BookingView>) {
    this.v = { ...this.v, ...patch };
  }

  connectedCallback() {
    this.set({ locale: localeOf(this.el) });
    this.unwatchLocale = watchLocale(this.el, visitText, async (locale) => {
      await this.links?.load(locale);
      this.set({ locale, services: new Map() }); // names and requirements come back in the new language
      const { serviceId } = this.v;
      void this.flow.services([...servicesAt(locationOf(this.v)), ...(serviceId ? [serviceId] : [])]);
    });
    addEventListener('hashchange', this.follow);
  }

  disconnectedCallback() {
    this.unwatchLocale?.();
    removeEventListener('hashchange', this.follow);
    this.flow.abort();
    this.revokeExtras();
  }

  private revokeExtras() {
    for (const href of Object.values(this.v.extras)) if (href) URL.revokeObjectURL(href);
  }

  async componentWillLoad() {
    await visitText.load(this.locale);
    void this.start();
  }

  componentDidRender() {
    this.focusing.rendered();
    const { step, booking } = this.v;
    if (step === 'ticket' && booking) void this.loadExtras(booking);
  }

  @Watch('region')
  @Watch('service')
  @Watch('location')
  @Watch('apiBase')
  @Watch('code')
  protected async start() {
    const page = new URL(window.location.href).searchParams;
    const service = this.service ?? page.get(SERVICE_PARAM) ?? undefined;
    this.set({ serviceId: service ?? null });
    this.fixedService = service;
    this.links ??= (await import('./link')).bookingLinks(this, this.flow);
    if (await this.links.start(this.code, this.secret)) return;
    this.set({ step: 'place' });
    await this.flow.locations({ location: this.location ?? page.get('lokasi') ?? undefined, service });
  }

  /** A booking's manage link followed in this tab (link.ts; before it has loaded, start reads it). */
  private follow = () => this.links?.follow();

  /** The QR code and the calendar file of the ticket: loaded after the ticket shows. */
  private async loadExtras(b: HeldBooking) {
    const key = `${b.code} ${b.date} ${b.time} ${b.status} ${this.locale}`;
    if (this.extrasFor === key) return;
    this.extrasFor = key;
    this.revokeExtras();
    this.set({ extras: await (await import('./ticket-extras')).ticketExtras(b, this.t) });
  }

  go(step: Step) {
    this.set({ step, errors: {}, general: null });
    this.focus(step === 'ticket' ? '#loket-ticket-heading' : '#loket-step-heading');
  }

  focus(selector: string) {
    this.focusing.later(() => this.focusing.find(selector));
  }

  private submit = () => {
    if (this.v.step === 'lookup') return this.links?.submit();
    const result = checkStep(this.v, this.t);
    if (result === 'confirm') return void this.confirm();
    if (result === 'ok') return void advance(this, this.flow);
    this.set({ errors: result });
    this.focus('[part~="error-summary"]');
  };

  private async confirm() {
    const { rescheduling } = this.v;
    await this.flow.confirm();
    const { booking: b, step } = this.v;
    if (b && step === 'ticket' && !rescheduling)
      this.loketVisitBooked.emit({
        code: b.code,
        location: b.location.id,
        service: b.service.id,
        date: b.date,
        time: b.time,
      });
  }

  private back = () => {
    const previous = previousStep(this.v, this.fixedService);
    if (previous === 'ticket') this.set({ rescheduling: false });
    if (previous) this.go(previous);
  };

  private nearest = async () => {
    const { sorting, locations } = this.v;
    if (sorting === 'busy' || !locations) return;
    this.set({ sorting: 'busy' });
    const here = await currentPosition();
    this.set({ placed: nearestFirst(locations, here), sorting: here ? 'sorted' : 'denied' });
    this.say(here ? this.t.place.nearestSorted : this.t.place.nearestDenied);
  };

  private another = () => {
    this.links?.leave();
    this.set({
      booking: null,
      day: null,
      time: null,
      slots: null,
      rescheduling: false,
      cancelStep: 'closed',
    });
    this.extrasFor = null;
    if (!this.v.locations) void this.flow.locations({ service: this.fixedService });
    this.go('place');
  };

  private stepProps(): StepProps {
    return {
      s: this.v,
      t: this.t,
      onSubmit: this.submit,
      onBack:
        this.v.step === 'place' || (this.v.step === 'service' && !this.v.locations?.length)
          ? undefined
          : this.back,
      onFocusField: (id) => this.focus(`#${id}`),
      onChoose: (field, value) => this.set({ [field]: value }),
      onNearest: () => void this.nearest(),
      onFocusDay: (focusedDay) => {
        this.set({ focusedDay });
        this.focus('#loket-day');
      },
      onSelectDay: (day) => this.set({ day, errors: {} }),
      onInput: (field, value) => this.set({ [field]: value }),
      onEdit: (step) => this.go(step),
    };
  }

  render() {
    return (
      <Host>
        <div class="booking" part="base" lang={this.locale}>
          <LiveRegion text={this.v.announcement} />
          <BookingBody
            step={this.stepProps()}
            ticket={this.ticketActions()}
            lookup={this.links?.Lookup}
            onRetry={() => void this.start()}
          />
        </div>
      </Host>
    );
  }

  private ticketActions(): TicketActions {
    return {
      apiBase: configValue(this.el, 'api-base', this.apiBase),
      onReschedule: () => {
        this.set({ rescheduling: true, day: null, time: null });
        this.go('day');
        void this.flow.days();
      },
      onCancelOpen: () => {
        this.set({ cancelStep: 'open' });
        this.focus('#loket-cancel-heading');
      },
      onCancelConfirm: () => void this.flow.cancel(),
      onCancelKeep: () => {
        this.set({ cancelStep: 'closed' });
        this.focus('[part~="cancel-open"]');
      },
      onAnother: this.another,
      onFocusField: (id) => this.focus(`#${id}`),
    };
  }
}

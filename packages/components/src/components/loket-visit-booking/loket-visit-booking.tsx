import type { Service, VisitDayList, VisitLocation, VisitSlotList } from '@loket/sdk';
import { Component, Element, Event, type EventEmitter, Host, h, Prop, State, Watch } from '@stencil/core';
import { type Locale, localeOf } from '../../i18n';
import { coreOf } from '../../kit/api';
import { Focus } from '../../kit/focus';
import { announcer, LiveRegion } from '../../kit/live-region';
import { watchLocale } from '../../kit/locale';
import { configValue } from '../../utils/config';
import { SERVICE_PARAM } from '../../utils/service-param';
import type { IsoDate } from './calendar';
import { ConfirmStep } from './confirm';
import type { StepErrors } from './fields';
import { type BookingFlow, bookingFlow } from './flow';
import { visitText } from './messages';
import { currentPosition, nearestFirst, type Placed } from './nearest';
import { type BookingState, type HeldBooking, locationOf, type Step, servicesAt } from './state';
import { advance, checkStep, previousStep } from './step-rules';
import { ContactStep, DayStep, PlaceStep, ServiceStep, SlotStep, type StepProps } from './steps';
import { forgetBooking, keptBooking } from './storage';
import { TicketView } from './ticket';
import { ticketExtras } from './ticket-extras';

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
 * and changing or cancelling. The ticket is kept on the device and shown again on return.
 *
 * @part base - Everything the booking shows. @part step - Each step's form. @part error-summary - A step's errors.
 * @part choices - A step's options. @part choice - One option. @part input - The text fields.
 * @part button - Every button. @part next - A step's main button. @part back - "Kembali".
 * @part calendar - The day picker. @part grid - Its month. @part day - One day. @part legend - Its legend.
 * @part nearest - "Urutkan dari yang terdekat". @part no-coordinates - Why the places are not sorted by distance.
 * @part answers - The answers to check. @part ticket - The ticket. @part ticket-card - The ticket's card.
 * @part number - The queue number. @part status - The booking's status. @part qr - The QR code.
 * @part checklist - What to bring. @part actions - The ticket's buttons. @part calendar-file - unused.
 * @part cancel - The cancel confirmation. @part empty - No place takes bookings. @part error - Loading failed.
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
  /** A booking to show (with `secret`), e.g. from a link in a message. */
  @Prop() code?: string;
  /** The booking's secret, with `code`. */
  @Prop() secret?: string;

  @State() locale: Locale = 'id';
  @State() step: Step = 'place';
  @State() phase: 'loading' | 'failed' | 'ready' = 'loading';
  @State() locations: VisitLocation[] | null = null;
  @State() placed: Placed<VisitLocation>[] = [];
  @State() sorting: BookingState['sorting'] = 'none';
  @State() locationId: string | null = null;
  @State() serviceId: string | null = null;
  @State() services = new Map<string, Service>();
  @State() days: VisitDayList | null = null;
  @State() focusedDay: IsoDate | null = null;
  @State() day: IsoDate | null = null;
  @State() slots: VisitSlotList | null = null;
  @State() time: string | null = null;
  @State() name = '';
  @State() phone = '';
  @State() email = '';
  @State() errors: StepErrors = {};
  @State() general: string | null = null;
  @State() busy = false;
  @State() booking: HeldBooking | null = null;
  @State() rescheduling = false;
  @State() cancelStep: BookingState['cancelStep'] = 'closed';
  @State() announcement = '';
  @State() extras: { qrHref: string | null; calendarHref: string | null } = {
    qrHref: null,
    calendarHref: null,
  };
  idempotencyKey: string | null = null;

  /** A booking was made (not on a reschedule). */
  @Event() loketVisitBooked!: EventEmitter<LoketVisitBookedDetail>;

  private flow: BookingFlow = bookingFlow(this);
  private focusing = new Focus(() => this.el.shadowRoot);
  say = announcer((text) => (this.announcement = text));
  private unwatchLocale?: () => void;
  private extrasFor: string | null = null;
  /** The service the page asked for (attribute or `?layanan=`): its step is skipped. */
  private fixedService?: string;

  get regionCode() {
    return configValue(this.el, 'region', this.region) ?? null;
  }

  get core() {
    return coreOf(this.el, this.apiBase, this.locale, this.regionCode);
  }

  get t() {
    return visitText.get(this.locale);
  }

  connectedCallback() {
    this.locale = localeOf(this.el);
    this.unwatchLocale = watchLocale(this.el, visitText, (next) => {
      this.locale = next;
      this.services = new Map(); // names and requirements come back in the new language
      void this.flow.services([...servicesAt(locationOf(this)), ...(this.serviceId ? [this.serviceId] : [])]);
    });
  }

  disconnectedCallback() {
    this.unwatchLocale?.();
    this.flow.abort();
    this.revokeExtras();
  }

  private revokeExtras() {
    for (const href of Object.values(this.extras)) if (href) URL.revokeObjectURL(href);
  }

  async componentWillLoad() {
    await visitText.load(this.locale);
    void this.start();
  }

  componentDidRender() {
    this.focusing.rendered();
    if (this.step === 'ticket' && this.booking) void this.loadExtras(this.booking);
  }

  @Watch('region')
  @Watch('service')
  @Watch('location')
  @Watch('apiBase')
  @Watch('code')
  protected async start() {
    const page = new URL(window.location.href).searchParams;
    const service = this.service ?? page.get(SERVICE_PARAM) ?? undefined;
    this.serviceId = service ?? null;
    this.fixedService = service;
    const kept =
      this.code && this.secret ? { code: this.code, secret: this.secret } : keptBooking(this.regionCode);
    if (kept && (await this.flow.open(kept.code, kept.secret))) return;
    this.step = 'place';
    await this.flow.locations({ location: this.location ?? page.get('lokasi') ?? undefined, service });
  }

  /** The QR code and the calendar file of the ticket: loaded after the ticket shows. */
  private async loadExtras(b: HeldBooking) {
    const key = `${b.code} ${b.date} ${b.time} ${b.status} ${this.locale}`;
    if (this.extrasFor === key) return;
    this.extrasFor = key;
    this.revokeExtras();
    this.extras = await ticketExtras(b, this.t);
  }

  go(step: Step) {
    this.step = step;
    this.errors = {};
    this.general = null;
    this.focus(step === 'ticket' ? '#loket-ticket-heading' : '#loket-step-heading');
  }

  focus(selector: string) {
    this.focusing.later(() => this.focusing.find(selector));
  }

  private fail(errors: StepErrors) {
    this.errors = errors;
    this.focus('[part~="error-summary"]');
  }

  private submit = () => {
    const result = checkStep(this, this.t);
    if (result === 'confirm') return void this.confirm();
    if (result === 'ok') return void advance(this, this.flow);
    this.fail(result);
  };

  private async confirm() {
    const rescheduling = this.rescheduling;
    await this.flow.confirm();
    const b = this.booking;
    if (b && this.step === 'ticket' && !rescheduling)
      this.loketVisitBooked.emit({
        code: b.code,
        location: b.location.id,
        service: b.service.id,
        date: b.date,
        time: b.time,
      });
  }

  private back = () => {
    const previous = previousStep(this, this.fixedService);
    if (previous === 'ticket') this.rescheduling = false;
    if (previous) this.go(previous);
  };

  private nearest = async () => {
    if (this.sorting === 'busy' || !this.locations) return;
    this.sorting = 'busy';
    const here = await currentPosition();
    this.placed = nearestFirst(this.locations, here);
    this.sorting = here ? 'sorted' : 'denied';
    this.say(here ? this.t.place.nearestSorted : this.t.place.nearestDenied);
  };

  private another = () => {
    forgetBooking(this.regionCode);
    Object.assign(this, {
      booking: null,
      day: null,
      time: null,
      slots: null,
      rescheduling: false,
      cancelStep: 'closed',
    });
    this.extrasFor = null;
    if (!this.locations) void this.flow.locations({ service: this.fixedService });
    this.go('place');
  };

  private stepProps(): StepProps {
    return {
      s: this,
      t: this.t,
      onSubmit: this.submit,
      onBack:
        this.step === 'place' || (this.step === 'service' && !this.locations?.length) ? undefined : this.back,
      onFocusField: (id) => this.focus(`#${id}`),
      onChoose: (field, value) => {
        this[field] = value;
      },
      onNearest: () => void this.nearest(),
      onFocusDay: (day) => {
        this.focusedDay = day;
        this.focus('#loket-day');
      },
      onSelectDay: (day) => {
        this.day = day;
        this.errors = {};
      },
      onInput: (field, value) => {
        this[field] = value;
      },
      onEdit: (step) => this.go(step),
    };
  }

  render() {
    return (
      <Host>
        <div class="booking" part="base" lang={this.locale}>
          <LiveRegion text={this.announcement} />
          {this.renderStep()}
        </div>
      </Host>
    );
  }

  private renderStep() {
    const t = this.t;
    if (this.phase === 'loading') return <p class="small loading">{t.loading}</p>;
    if (this.phase === 'failed')
      return (
        <div class="failed" part="error" role="alert">
          <p>{t.failed}</p>
          <button type="button" class="button" part="button retry" onClick={() => void this.start()}>
            {t.retry}
          </button>
        </div>
      );
    const p = this.stepProps();
    switch (this.step) {
      case 'ticket':
        return (
          this.booking && (
            <TicketView s={this} t={t} booking={this.booking} {...this.extras} {...this.ticketActions()} />
          )
        );
      case 'service':
        return <ServiceStep {...p} />;
      case 'day':
        return <DayStep {...p} />;
      case 'slot':
        return <SlotStep {...p} />;
      case 'contact':
        return <ContactStep {...p} />;
      case 'confirm':
        return <ConfirmStep {...p} />;
      default:
        return [<p class="intro">{t.intro}</p>, <PlaceStep {...p} />];
    }
  }

  private ticketActions() {
    return {
      onReschedule: () => {
        this.rescheduling = true;
        this.day = null;
        this.time = null;
        this.go('day');
        void this.flow.days();
      },
      onCancelOpen: () => {
        this.cancelStep = 'open';
        this.focus('#loket-cancel-heading');
      },
      onCancelConfirm: () => void this.flow.cancel(),
      onCancelKeep: () => {
        this.cancelStep = 'closed';
        this.focus('[part~="cancel-open"]');
      },
      onAnother: this.another,
      onFocusField: (id: string) => this.focus(`#${id}`),
    };
  }
}

import type { Hall, HallTicket, VisitLocation } from '@loket/sdk';
import { isLoketApiError, listVisitLocations } from '@loket/sdk';
import { callNext, checkIn, getHall, recordTicketOutcome } from '@loket/sdk/officer';
import { Component, Element, Host, h, Prop, State, Watch } from '@stencil/core';
import { fill, type Locale, localeOf, plural } from '../../../src/i18n';
import { announcer, LiveRegion } from '../../../src/kit/live-region';
import { watchLocale } from '../../../src/kit/locale';
import { currentSession, deskCore } from '../../api';
import { type DeskMessages, deskText } from '../../messages';
import { Counter } from './counter';

interface VisitsState {
  locale: Locale;
  locations: VisitLocation[];
  chosen: string | null;
  hall: Hall | null;
  phase: 'loading' | 'ready' | 'failed' | 'none';
  busy: boolean;
  error: string | null;
  announcement: string;
}

/**
 * Today's visits at one location, the counter officer's whole day on one screen: check a booking
 * in, call the next number to a counter, mark the one called done or a no-show; the counters
 * with their numbers. Every action answers in the live region and the hall is read again.
 *
 * @part base - The screen.
 */
@Component({
  tag: 'loket-desk-visits',
  styleUrls: ['../../../src/kit/base.css', '../../desk.css', 'loket-desk-visits.css'],
  shadow: true,
})
export class LoketDeskVisits {
  @Element() el!: HTMLElement;

  /** The location to open (its id); default: the first of the officer's region. */
  @Prop() location?: string;

  @State() state: VisitsState = {
    locale: 'id',
    locations: [],
    chosen: null,
    hall: null,
    phase: 'loading',
    busy: false,
    error: null,
    announcement: '',
  };

  private unwatchLocale?: () => void;
  private say = announcer((announcement) => this.set({ announcement }));

  private set(patch: Partial<VisitsState>) {
    this.state = { ...this.state, ...patch };
  }

  get t(): DeskMessages {
    return deskText.get(this.state.locale);
  }

  connectedCallback() {
    this.set({ locale: localeOf(this.el) });
    this.unwatchLocale = watchLocale(this.el, deskText, (locale) => {
      this.set({ locale });
      void this.loadHall();
    });
  }

  disconnectedCallback() {
    this.unwatchLocale?.();
  }

  async componentWillLoad() {
    await deskText.load(this.state.locale);
    void this.start();
  }

  @Watch('location')
  protected async start() {
    const core = deskCore(this.state.locale);
    const region = currentSession()?.officer.regions[0];
    try {
      const found = region ? (await listVisitLocations(core, region)).data : [];
      const chosen = this.location ?? found[0]?.id ?? null;
      this.set({ locations: found, chosen, phase: chosen ? 'loading' : 'none' });
      if (chosen) await this.loadHall();
    } catch {
      this.set({ phase: 'failed' });
    }
  }

  private async loadHall() {
    const id = this.state.chosen;
    if (!id) return;
    try {
      const hall = await getHall(deskCore(this.state.locale), id);
      this.set({ hall, phase: 'ready' });
    } catch {
      this.set({ phase: 'failed' });
    }
  }

  /** Runs one action of the counter officer, says its result, and reads the hall again. */
  private async act(action: () => Promise<string>) {
    if (this.state.busy) return;
    this.set({ busy: true, error: null });
    try {
      this.say(await action());
    } catch (error) {
      const detail = isLoketApiError(error) && error.status !== 401 ? error.detail : null;
      this.set({ error: detail ?? this.t.action.failed });
    }
    this.set({ busy: false });
    await this.loadHall();
  }

  private checkIn = (form: HTMLFormElement) => {
    const input = form.elements.namedItem('code') as HTMLInputElement;
    const code = input.value.trim();
    if (!code || !this.state.chosen) return;
    const location = this.state.chosen;
    void this.act(async () => {
      const ticket = await checkIn(deskCore(this.state.locale), location, { code });
      input.value = '';
      return fill(this.t.visits.checkedIn, { number: ticket.number });
    });
  };

  private call = (counter: { id: string; label: string }) =>
    this.act(async () => {
      const { called } = await callNext(deskCore(this.state.locale), this.state.chosen as string, counter.id);
      return called
        ? fill(this.t.visits.called, { number: called.number, counter: counter.label })
        : this.t.visits.nobody;
    });

  private outcome = (ticket: HallTicket, outcome: 'done' | 'no_show') =>
    this.act(async () => {
      const after = await recordTicketOutcome(
        deskCore(this.state.locale),
        this.state.chosen as string,
        ticket.id,
        {
          outcome,
        },
      );
      return `${after.number}: ${this.t.visits.ticketStatus[after.status]}`;
    });

  private choose = (id: string) => {
    this.set({ chosen: id, hall: null, phase: 'loading' });
    void this.loadHall();
  };

  render() {
    const t = this.t;
    const { locale, hall, phase, locations, chosen, busy, error } = this.state;
    return (
      <Host>
        <section class="visits" part="base" lang={locale} aria-labelledby="desk-visits-heading">
          <LiveRegion text={this.state.announcement} />
          <h1 id="desk-visits-heading">{t.visits.heading}</h1>
          {locations.length > 1 && [
            <label htmlFor="desk-location">{t.visits.location}</label>,
            <select
              id="desk-location"
              onChange={(event) => this.choose((event.target as HTMLSelectElement).value)}
            >
              {locations.map((l) => (
                <option value={l.id} selected={l.id === chosen}>
                  {l.name}
                </option>
              ))}
            </select>,
          ]}
          {phase === 'none' && <p class="notice">{t.visits.noLocation}</p>}
          {phase === 'failed' && (
            <p class="error" role="alert">
              {t.action.failed}{' '}
              <button type="button" onClick={() => this.start()}>
                {t.retry}
              </button>
            </p>
          )}
          {phase === 'loading' && <p>{t.loading}</p>}
          {hall && [
            <div class="top">
              <form
                class="check-in"
                noValidate
                onSubmit={(event) => {
                  event.preventDefault();
                  this.checkIn(event.target as HTMLFormElement);
                }}
              >
                <label htmlFor="desk-check-in">{t.visits.checkInCode}</label>
                <div class="row">
                  <input id="desk-check-in" name="code" autoComplete="off" spellcheck={false} />
                  <button type="submit" aria-disabled={busy ? 'true' : 'false'}>
                    {t.visits.checkIn}
                  </button>
                </div>
              </form>
              <p class="waiting">{plural(locale, t.visits.waiting, hall.waiting)}</p>
            </div>,
            error && (
              <p class="error" role="alert">
                {error}
              </p>
            ),
            <ul class="counters">
              {hall.counters.map((counter) => (
                <Counter
                  t={t}
                  counter={counter}
                  busy={busy}
                  onCall={() => this.call(counter)}
                  onOutcome={(ticket, outcome) => this.outcome(ticket, outcome)}
                />
              ))}
            </ul>,
          ]}
        </section>
      </Host>
    );
  }
}

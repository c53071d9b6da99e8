import { getLifeEvent, isLoketApiError, listCategories, listLifeEvents } from '@loket/sdk';
import { type FunctionalComponent, h } from '@stencil/core';
import { plural } from '../../i18n';
import { adoptStyles } from '../../kit/styles';
import browseCss from './browse.css';
import type { BrowseHost, BrowseProps } from './browse-area';
import { BackLink, EventSteps, links } from './browse-event';
import detailCss from './detail.css';
import { browseText } from './messages/browse';

/**
 * Browsing before a search, loaded on demand with its strings and styles (browse.css, and
 * detail.css for an event's steps): life events (each an ordered path of services) and categories
 * (each opens its services in the result list), and one event's steps (browse-event.tsx).
 */

/**
 * Loads what the finder does not have yet: this view's strings, and with `lists` the
 * life events and categories, and the open event's steps.
 */
export async function loadBrowse(
  host: BrowseHost,
  eventId: string | null,
  lists: boolean,
  signal: AbortSignal,
) {
  adoptStyles(host.el.shadowRoot, browseCss, detailCss);
  const had = host.browse;
  const needsLists = lists && (!had.events || !had.categories);
  const needsEvent = lists && eventId !== null && had.event?.id !== eventId;
  if (!needsLists && !needsEvent) {
    await browseText.load(host.locale);
    if (!signal.aborted) host.browse = { ...had, View: Browse, status: had.events ? 'ready' : had.status };
    return;
  }
  host.browse = { ...had, status: 'loading' };
  const { core } = host;
  try {
    const [events, categories, event] = await Promise.all([
      needsLists ? listLifeEvents(core, undefined, { signal }).then((r) => r.data) : had.events,
      needsLists ? listCategories(core, undefined, { signal }).then((r) => r.data) : had.categories,
      needsEvent && eventId ? getLifeEvent(core, eventId, undefined, { signal }) : had.event,
      browseText.load(host.locale),
    ]);
    host.browse = { View: Browse, status: 'ready', events, categories, event };
    if (needsEvent && event) host.announce(event.name);
  } catch (error) {
    if (signal.aborted) return;
    const missing = isLoketApiError(error) && error.status === 404;
    host.browse = { ...host.browse, View: Browse, status: missing ? 'missing' : 'error' };
  }
}

export const Browse: FunctionalComponent<BrowseProps> = ({ host, home }) => {
  const b = browseText.get(host.locale);
  const { state, browse } = host;
  if (!home)
    return (
      <BackLink host={host} change={{ category: null, agency: null }} focus={host.browseOpener ?? '#loket-q'}>
        {b.home}
      </BackLink>
    );
  if (!state.event) return <Home host={host} />;
  if (browse.status === 'missing' || !browse.event)
    return (
      <div class="detail">
        <BackLink host={host} change={{ event: null }} focus={`a[data-event="${state.event}"]`}>
          {b.back}
        </BackLink>
        <p class="notice" part="empty">
          {b.notFound}
        </p>
      </div>
    );
  return <EventSteps host={host} event={browse.event} />;
};

const Home: FunctionalComponent<{ host: BrowseHost }> = ({ host }) => {
  const b = browseText.get(host.locale);
  const { events = [], categories = [] } = host.browse;
  const { href, go } = links(host);
  return (
    <div part="browse">
      <section aria-labelledby="loket-events-heading">
        <h2 id="loket-events-heading" tabIndex={-1}>
          {b.events}
        </h2>
        <p class="hint">{b.eventsHint}</p>
        <ul class="tiles">
          {events.map((e) => (
            <li key={e.id}>
              <a
                class="tile"
                part="tile"
                href={href({ event: e.id })}
                data-event={e.id}
                onClick={(ev: MouseEvent) => go({ event: e.id }, ev, '#loket-event-heading')}
              >
                {e.name}
                <span class="small">{plural(host.locale, b.stepCount, e.step_count)}</span>
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="loket-categories-heading">
        <h2 id="loket-categories-heading">{b.categories}</h2>
        <p class="hint">{b.categoriesHint}</p>
        <ul class="tiles">
          {categories
            .filter((c) => c.service_count > 0)
            .map((c) => {
              const change = { category: c.id, event: null };
              const opener = `a[data-category="${c.id}"]`;
              return (
                <li key={c.id}>
                  <a
                    class="tile"
                    part="tile"
                    href={href(change)}
                    data-category={c.id}
                    onClick={(ev: MouseEvent) => go(change, ev, '#loket-results-heading', opener)}
                  >
                    {c.name}
                    <span class="small">{plural(host.locale, b.serviceCount, c.service_count)}</span>
                  </a>
                </li>
              );
            })}
        </ul>
      </section>
    </div>
  );
};

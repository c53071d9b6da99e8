import type { AllowedOrigin, WebhookEndpoint } from '@loket/sdk';
import { type FunctionalComponent, h } from '@stencil/core';
import type { DeskMessages } from '../../messages';

type Form = (form: HTMLFormElement) => void;

const submitted = (run: Form) => (event: Event) => {
  event.preventDefault();
  run(event.target as HTMLFormElement);
};

/** The region's allowed origins (what `origins list/add/remove` does). */
export const Origins: FunctionalComponent<{
  t: DeskMessages;
  list: AllowedOrigin[];
  region: string;
  onAdd: Form;
  onRemove: (o: AllowedOrigin) => void;
}> = ({ t, list, region, onAdd, onRemove }) => [
  list.length === 0 ? (
    <p class="notice">{t.admin.noOrigins}</p>
  ) : (
    <ul class="plain">
      {list.map((o) => (
        <li>
          <code>{o.origin}</code> ({o.region}){' '}
          <button
            type="button"
            class="secondary"
            aria-label={`${t.admin.remove} ${o.origin}`}
            onClick={() => onRemove(o)}
          >
            {t.admin.remove}
          </button>
        </li>
      ))}
    </ul>
  ),
  <form class="inline" noValidate onSubmit={submitted(onAdd)}>
    <label htmlFor="desk-origin">{t.admin.origin}</label>
    <p class="hint" id="desk-origin-hint">
      {t.admin.originHint}
    </p>
    <input id="desk-origin" name="origin" type="url" aria-describedby="desk-origin-hint" required />
    <label htmlFor="desk-origin-region">{t.admin.region}</label>
    <input id="desk-origin-region" name="region" value={region} inputMode="decimal" required />
    <button type="submit">{t.admin.allow}</button>
  </form>,
];

/** The agency's webhooks in the region (what `webhooks list/add/test/enable/remove` does). */
export const Webhooks: FunctionalComponent<{
  t: DeskMessages;
  list: WebhookEndpoint[];
  onAdd: Form;
  onTest: (w: WebhookEndpoint) => void;
  onEnable: (w: WebhookEndpoint) => void;
  onRemove: (w: WebhookEndpoint) => void;
}> = ({ t, list, onAdd, onTest, onEnable, onRemove }) => [
  list.length === 0 ? (
    <p class="notice">{t.admin.noWebhooks}</p>
  ) : (
    <ul class="plain">
      {list.map((w) => (
        <li>
          <code>{w.url}</code> {w.description ? `· ${w.description} ` : ''}· {t.admin.events}:{' '}
          {w.event_types.length ? w.event_types.join(', ') : t.admin.allEvents} ·{' '}
          {w.enabled ? t.admin.active : `${t.admin.disabled}: ${w.disabled_reason ?? ''}`}{' '}
          <button
            type="button"
            class="secondary"
            aria-label={`${t.admin.test} ${w.url}`}
            onClick={() => onTest(w)}
          >
            {t.admin.test}
          </button>{' '}
          {!w.enabled && (
            <button
              type="button"
              class="secondary"
              aria-label={`${t.admin.enableWebhook} ${w.url}`}
              onClick={() => onEnable(w)}
            >
              {t.admin.enableWebhook}
            </button>
          )}{' '}
          <button
            type="button"
            class="secondary"
            aria-label={`${t.admin.remove} ${w.url}`}
            onClick={() => onRemove(w)}
          >
            {t.admin.remove}
          </button>
        </li>
      ))}
    </ul>
  ),
  <form class="inline" noValidate onSubmit={submitted(onAdd)}>
    <label htmlFor="desk-webhook-url">{t.admin.url}</label>
    <input id="desk-webhook-url" name="url" type="url" required />
    <label htmlFor="desk-webhook-description">{t.admin.description}</label>
    <input id="desk-webhook-description" name="description" maxLength={200} />
    <button type="submit">{t.admin.addWebhook}</button>
  </form>,
];

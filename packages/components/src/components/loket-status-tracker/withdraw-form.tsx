import {
  type ApplicationStatus,
  type ApplicationStatusCode,
  isLoketApiError,
  type LoketCore,
  withdrawApplication,
} from '@loket/sdk';
import type { ApplicationKey } from '@loket/sdk/session';
import { type FunctionalComponent, h } from '@stencil/core';
import type { Locale } from '../../i18n';
import { withdrawText } from './messages/withdraw';

export { withdrawText };

// Loaded when the citizen first chooses "Batalkan permohonan": few ever do, so neither this step
// nor the SDK's withdraw operation is part of the tracker's first load.

/** What withdrawing reads and changes on the tracker. */
export interface WithdrawHost {
  readonly key: ApplicationKey | null;
  readonly status: ApplicationStatus | null;
  readonly withdrawStep: 'closed' | 'open' | 'sending';
  readonly core: LoketCore;
  readonly locale: Locale;
  readonly schedule: { stop(): void; now(): Promise<unknown> };
  changed(previous: ApplicationStatusCode, next: ApplicationStatus): void;
  focus(selector: string): void;
}

/**
 * Withdraws the application once the citizen confirmed (an empty reason is sent as none). When
 * the agency decided meanwhile (409), says so and shows what it is now.
 */
export async function confirmWithdraw(host: WithdrawHost, reason: string) {
  const { key, status: before } = host;
  if (!key || !before || host.withdrawStep === 'sending') return;
  Object.assign(host, { withdrawStep: 'sending', withdrawError: null });
  try {
    const next = await withdrawApplication(host.core, key.code, key.secret, reason || undefined);
    host.schedule.stop();
    Object.assign(host, { status: next, updatedAt: new Date(), withdrawStep: 'closed', notice: null });
    host.changed(before.status, next);
    host.focus('#loket-state');
  } catch (error) {
    if (isLoketApiError(error) && error.status === 409) {
      Object.assign(host, { withdrawStep: 'closed', notice: withdrawText.get(host.locale).conflict });
      await host.schedule.now();
      host.focus('#loket-state');
    } else {
      Object.assign(host, { withdrawStep: 'open', withdrawError: withdrawText.get(host.locale).failed });
    }
  }
}

interface WithdrawProps {
  locale: Locale;
  sending: boolean;
  error: string | null;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** The confirmation step, in the page (never `window.confirm`): what it means, an optional reason. */
export const WithdrawForm: FunctionalComponent<WithdrawProps> = ({ locale, ...p }) => {
  const w = withdrawText.get(locale);
  return (
    <form
      class="confirm"
      part="withdraw"
      aria-labelledby="loket-withdraw-heading"
      onSubmit={(e: Event) => {
        e.preventDefault();
        const reason = (e.target as HTMLFormElement).elements.namedItem('reason') as HTMLTextAreaElement;
        p.onConfirm(reason.value.trim());
      }}
    >
      <h3 id="loket-withdraw-heading" tabIndex={-1}>
        {w.heading}
      </h3>
      <p>{w.body}</p>
      <label class="label" htmlFor="loket-reason">
        {w.reason}
      </label>
      <p class="hint" id="loket-reason-hint">
        {w.reasonHint}
      </p>
      <textarea
        id="loket-reason"
        name="reason"
        class="input"
        part="input"
        rows={3}
        maxLength={500}
        aria-describedby="loket-reason-hint"
      />
      <p class="notice error" role="alert" hidden={!p.error}>
        {p.error}
      </p>
      <div class="buttons">
        <button
          type="submit"
          class="button danger"
          part="button withdraw-confirm"
          aria-disabled={p.sending ? 'true' : null}
        >
          {w.confirm}
        </button>
        <button type="button" class="button" part="button withdraw-cancel" onClick={p.onCancel}>
          {w.cancel}
        </button>
      </div>
    </form>
  );
};

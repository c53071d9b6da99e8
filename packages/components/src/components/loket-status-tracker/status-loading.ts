import {
  type ApplicationStatus,
  type ApplicationStatusCode,
  getApplicationStatus,
  isLoketApiError,
  type LoketCore,
} from '@loket/sdk';
import { isFinal } from '@loket/sdk/rules';
import type { ApplicationKey } from '@loket/sdk/session';
import { Latest } from '../../kit/api';
import { rememberOnDevice } from '../../utils/device-applications';
import type { LookupErrors } from './lookup-form';
import { type Outcome, outcomeOf } from './refresh-schedule';

/** What loading a status reads and changes on the tracker. */
export interface StatusHost {
  readonly core: LoketCore;
  readonly schedule: { start(final: boolean): void; stop(): void };
  key: ApplicationKey | null;
  status: ApplicationStatus | null;
  phase: 'lookup' | 'loading' | 'failed' | 'ready';
  codeInput: string;
  busy: boolean;
  refreshing: boolean;
  refreshFailed: boolean;
  updatedAt: Date | null;
  withdrawStep: 'closed' | 'open' | 'sending';
  changed(previous: ApplicationStatusCode, next: ApplicationStatus): void;
  showErrors(errors: LookupErrors, focus: boolean): void;
  focus(selector: string): void;
}

/**
 * The tracker's two reads of a status: opening an application (from the attributes, the link,
 * the lookup form or "Coba lagi"; a newer one cancels the older) and the schedule's refresh.
 */
export function statusLoaderOf(host: StatusHost) {
  const requests = new Latest();

  /** Loads `key` and shows it. */
  async function open(key: ApplicationKey, from: 'start' | 'lookup' | 'retry' = 'start') {
    host.schedule.stop();
    const signal = requests.start();
    if (from === 'lookup') host.busy = true;
    else host.phase = 'loading';
    try {
      const status = await getApplicationStatus(host.core, key.code, key.secret, { signal });
      Object.assign(host, { key, status, phase: 'ready', errors: {}, notice: null, refreshFailed: false });
      rememberOnDevice(key, status);
      host.updatedAt = new Date();
      host.withdrawStep = 'closed';
      host.schedule.start(isFinal(status.status));
      if (from !== 'start') host.focus('#loket-status-heading');
    } catch (error) {
      if (signal.aborted) return;
      const notFound = isLoketApiError(error) && (error.status === 404 || error.status === 400);
      if (from === 'retry' || (from === 'start' && !notFound)) {
        host.key = key;
        host.phase = 'failed';
        if (from === 'retry') host.focus('[part~="retry"]');
        return;
      }
      host.phase = 'lookup';
      host.codeInput = key.code;
      host.showErrors(notFound ? { notFound } : { failed: true }, from === 'lookup');
    } finally {
      if (requests.isLatest(signal)) host.busy = false;
    }
  }

  /** One refresh for the schedule: what changed, and whether anything still can. */
  async function check(): Promise<Outcome | 'final'> {
    const { key, status: before } = host;
    if (!key || !before) return 'final';
    host.refreshing = true;
    try {
      const next = await getApplicationStatus(host.core, key.code, key.secret);
      if (key !== host.key) return 'same';
      host.status = next;
      host.updatedAt = new Date();
      host.refreshFailed = false;
      if (next.status !== before.status) host.changed(before.status, next);
      return outcomeOf(before, next);
    } catch {
      host.refreshFailed = key === host.key;
      return 'failed';
    } finally {
      host.refreshing = false;
    }
  }

  return { open, check, abort: () => requests.abort() };
}

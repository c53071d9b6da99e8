import { type FunctionalComponent, h } from '@stencil/core';
import type { TrackerMessages } from './messages/types';

/** The first load failed (the network, the server): try again, or track another application. */
export const LoadFailed: FunctionalComponent<{
  t: TrackerMessages;
  onRetry: () => void;
  onOther: () => void;
}> = ({ t, onRetry, onOther }) => (
  <div class="notice error" part="error" role="alert">
    <p>{t.status.failed}</p>
    <div class="actions">
      <button type="button" class="button primary" part="button retry" onClick={onRetry}>
        {t.status.retry}
      </button>
      <button type="button" class="button" part="button other" onClick={onOther}>
        {t.status.other}
      </button>
    </div>
  </div>
);

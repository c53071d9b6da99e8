import { type FunctionalComponent, h } from '@stencil/core';
import type { DeviceApplication } from '../../utils/device-applications';
import type { TrackerMessages } from './messages/types';

interface DeviceListProps {
  t: TrackerMessages;
  applications: DeviceApplication[];
  onOpen: (application: DeviceApplication) => void;
  onForget: (application: DeviceApplication) => void;
}

/**
 * "Permohonan di perangkat ini": the applications this device knows, each to open with one tap
 * or to take off the device (a shared or borrowed phone). Nothing shown when there are none.
 */
export const DeviceList: FunctionalComponent<DeviceListProps> = ({ t, applications, onOpen, onForget }) =>
  applications.length > 0 && (
    <section class="device" part="device" aria-labelledby="loket-device-heading">
      <h2 id="loket-device-heading" tabIndex={-1}>
        {t.device.heading}
      </h2>
      <p class="hint">{t.device.hint}</p>
      <ul class="device-list">
        {applications.map((a) => (
          <li class="device-item" part="device-item">
            <span class="device-service">{a.service}</span>
            <span class="device-code">
              {a.code}
              {a.status && ` · ${t.status.words[a.status]}`}
            </span>
            <span class="device-actions">
              <button type="button" class="button" part="button device-open" onClick={() => onOpen(a)}>
                {t.device.open}
                <span class="visually-hidden"> {a.code}</span>
              </button>
              <button type="button" class="link" part="device-forget" onClick={() => onForget(a)}>
                {t.device.forget}
                <span class="visually-hidden"> {a.code}</span>
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );

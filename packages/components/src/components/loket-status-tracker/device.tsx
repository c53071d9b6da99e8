import type { ApplicationKey } from '@loket/sdk/session';
import { h } from '@stencil/core';
import { fill, type Locale } from '../../i18n';
import { forgetApplicationLink, readCodeLink, readRecoveryLink } from '../../utils/application-link';
import {
  currentOnDevice,
  type DeviceApplication,
  deviceApplications,
  forgetOnDevice,
  leaveCurrent,
  sameCode,
} from '../../utils/device-applications';
import { DeviceList } from './device-list';
import type { TrackerMessages } from './messages/types';
import type { RecoveryHost, RecoveryState } from './recovery';

type RecoveryModule = typeof import('./recovery');

/** What the device list and "Lupa kode rahasia?" read and change on the tracker. */
export interface DeviceHost extends RecoveryHost {
  readonly t: TrackerMessages;
  readonly locale: Locale;
  device: DeviceApplication[];
  codeInput: string;
  phase: 'lookup' | 'loading' | 'failed' | 'ready';
  open(key: ApplicationKey, from?: 'start' | 'lookup'): Promise<void>;
  announce(text: string): void;
}

/**
 * The tracker's memory of this device ("Permohonan di perangkat ini": reload and the menu's link
 * open what was shown, or list what this device knows) and the way back for a lost secret.
 */
export function deviceOf(host: DeviceHost) {
  let module: RecoveryModule | undefined;
  const load = async () => {
    module ??= await import('./recovery');
    await module.recoveryText.load(host.locale);
    return module;
  };

  return {
    /**
     * Without a secret in the link: a `#kode=…` link (a notification's) opens that application
     * with the secret this device keeps, or asks for its secret with the code filled in; with no
     * link, the application shown last in this tab, the only one here, or the list.
     */
    start() {
      host.device = deviceApplications();
      const linked = readCodeLink(location.href);
      if (linked) forgetApplicationLink();
      const wanted = linked ?? currentOnDevice();
      const pick =
        host.device.find((a) => wanted && sameCode(a.code, wanted)) ??
        (!linked && host.device.length === 1 ? host.device[0] : undefined);
      if (pick) void host.open({ code: pick.code, secret: pick.secret });
      else if (linked) host.codeInput = linked;
    },
    /** A `#kode=…&pulih=…` link: a new secret, then the application with the secret shown once. */
    async follow(): Promise<boolean> {
      const link = readRecoveryLink(location.href);
      if (!link) return false;
      forgetApplicationLink(); // out of the address bar, history and screenshots at once
      host.phase = 'loading';
      const redeemed = await (await load()).redeemLink(host, link);
      if (!redeemed) {
        host.phase = 'lookup';
        return true;
      }
      await host.open(redeemed.key);
      host.notice = redeemed.notice;
      return true;
    },
    /** "Lacak permohonan lain": the list, and no reopening on reload. */
    other() {
      leaveCurrent();
      host.device = deviceApplications();
      host.recovery = null;
    },
    forget(application: DeviceApplication) {
      forgetOnDevice(application.code);
      host.device = deviceApplications();
      host.announce(fill(host.t.device.forgotten, { code: application.code }));
      host.focus(host.device.length > 0 ? '#loket-device-heading' : '#loket-lookup-heading');
    },
    async lost() {
      await load();
      host.recovery = { code: host.codeInput, contact: '', step: 'open', error: null, sent: null };
      host.focus('#loket-recovery-heading');
    },
    /** The lookup page: the recovery step, or the device list above the lookup form and the way to recovery. */
    render(lookup: unknown) {
      const { t, recovery } = host;
      if (recovery && module) return this.renderRecovery(module, recovery);
      return [
        <DeviceList
          t={t}
          applications={host.device}
          onOpen={(a) => void host.open({ code: a.code, secret: a.secret }, 'lookup')}
          onForget={(a) => this.forget(a)}
        />,
        lookup,
        <p class="lost">
          <button type="button" class="link" part="lost" onClick={() => void this.lost()}>
            {t.device.lost}
          </button>
        </p>,
      ];
    },
    renderRecovery(m: RecoveryModule, state: RecoveryState) {
      return (
        <m.RecoveryForm
          locale={host.locale}
          state={state}
          onChange={(patch) => {
            // From host.recovery, not the rendered state: a second input before the next render
            // (autofill, fast typing) would otherwise put back the first one's old value.
            if (host.recovery) host.recovery = { ...host.recovery, ...patch };
          }}
          onSubmit={() => void m.askForLink(host)}
          onBack={() => {
            host.recovery = null;
            host.focus('#loket-lookup-heading');
          }}
        />
      );
    },
  };
}

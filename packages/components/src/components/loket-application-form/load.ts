import {
  type FormDefinition,
  getService,
  getServiceForm,
  isLoketApiError,
  type LoketCore,
  type Service,
} from '@loket/sdk';
import {
  type ApplicationSession,
  browserStorage,
  createApplicationSession,
  type SessionSnapshot,
} from '@loket/sdk/session';
import type { Locale } from '../../i18n';
import { Latest } from '../../kit/api';
import { forgetApplicationLink, readApplicationLink } from '../../utils/application-link';
import type { Upload } from './file-field';
import type { Problem } from './flow';
import type { FormMessages } from './messages';
import type { Later } from './places';

/** What starting and loading read and change on the form component. */
export interface LoadHost {
  /** The service: the `service` attribute, else the page URL's `layanan`. */
  readonly slug: string | null;
  readonly regionCode: string | undefined;
  readonly core: LoketCore;
  readonly t: FormMessages;
  locale: Locale;
  session: ApplicationSession | undefined;
  info: Service | null;
  form: FormDefinition | null;
  load: 'loading' | 'ready' | 'missing' | 'error';
  snap: SessionSnapshot | null;
  uploads: Record<string, Upload>;
  errors: Record<string, string>;
  problems: Problem[];
  typed: Record<string, string>;
  badLink: boolean;
  readonly later: Later | null;
  onSnapshot(next: SessionSnapshot): void;
  needViews(now?: boolean): Promise<void>;
  emitError(error: unknown): void;
  announce(text: string): void;
}

/**
 * Starting: the session (this device's application, or the one in a resume link) and the form's
 * definition, loaded again for another service, API or region (the newer load cancels the older)
 * and, for the service's own texts, in another language.
 */
export function loaderOf(host: LoadHost) {
  const forms = new Latest();
  let unsubscribe: (() => void) | undefined;

  /** Lets go of the session and of whatever is in flight (uploads, the form's load). */
  function stop() {
    forms.abort();
    unsubscribe?.();
    host.session?.dispose();
    for (const upload of Object.values(host.uploads)) upload.abort.abort();
    host.session = undefined;
  }

  /** Starts the session and loads the form. */
  async function begin() {
    stop();
    Object.assign(host, { uploads: {}, errors: {}, problems: [], typed: {}, badLink: false, snap: null });
    const { slug, regionCode: region } = host;
    if (!slug) {
      host.load = 'missing';
      return;
    }
    let session: ApplicationSession;
    try {
      if (!region) throw new Error('<loket-application-form> needs region (or <meta name="loket-region">).');
      session = createApplicationSession({
        core: host.core,
        service: slug,
        region,
        storage: browserStorage(),
      });
    } catch (error) {
      console.error(error);
      host.load = 'error';
      return;
    }
    host.session = session;
    unsubscribe = session.subscribe((next) => host.onSnapshot(next));
    const key = readApplicationLink(location.href);
    if (key) forgetApplicationLink(); // the secret leaves the address bar and the history
    const started = session.start(key ?? undefined).catch(() => {
      host.badLink = true;
      return session.start();
    });
    await Promise.all([loadForm(slug), started]);
    if (host.session !== session) return;
    host.snap = session.snapshot;
    await host.needViews();
  }

  async function loadForm(slug: string) {
    const signal = forms.start();
    host.load = 'loading';
    try {
      const core = host.core;
      const [info, form] = await Promise.all([
        getService(core, slug, undefined, { signal }),
        getServiceForm(core, slug, undefined, { signal }).catch((error) => {
          if (isLoketApiError(error) && error.status === 404) return null; // no online form: said plainly
          throw error;
        }),
      ]);
      if (signal.aborted) return; // a newer load took over
      Object.assign(host, { info, form, load: 'ready' });
    } catch (error) {
      if (signal.aborted) return;
      host.load = isLoketApiError(error) && error.status === 404 ? 'missing' : 'error';
      if (host.load === 'error') {
        host.emitError(error);
        host.announce(host.t.load.errorTitle);
      }
    }
  }

  /** The page's language changed. */
  async function relocalize(next: Locale) {
    await host.later?.laterText.load(next);
    host.locale = next;
    Object.assign(host, { errors: {}, problems: [] }); // in the other language; Continue shows them again
    // The questions carry both languages; the service's own texts come again, in place (the
    // page the citizen is on stays, and a failure keeps the old texts).
    const slug = host.slug;
    if (host.load === 'ready' && slug) host.info = await getService(host.core, slug).catch(() => host.info);
  }

  return { begin, stop, relocalize };
}

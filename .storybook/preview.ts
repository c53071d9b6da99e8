import { type Preview, setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import manifest from '../packages/components/custom-elements.json';
import '../packages/components/src/themes/dark.css';
import '../packages/components/src/themes/high-contrast.css';
import { urlWithState } from '../packages/components/src/utils/url-state';
import { API_BASE } from '../stories/msw/handlers';
import { extractArgTypes } from '../stories/support/controls';

// The tree-shakable build registers each tag on import (`stencil build` writes it).
import.meta.glob('../packages/components/dist/components/loket-*.js', { eager: true });
// The officer desk's own build (stencil.desk.config.ts), for the Desk stories.
import.meta.glob('../packages/components/dist-desk/components/loket-desk*.js', { eager: true });
// Props, events, parts and CSS properties in the docs and controls come from the components' JSDoc;
// the argTypes from stories/support/controls.ts (a control per public property).
setCustomElementsManifest(manifest);

/**
 * MSW's worker from the static directory, found relative to the preview (the built Storybook may live
 * under a sub-path). A request to the stories' API that no handler takes is an error, never the network.
 */
async function startMsw() {
  const worker = setupWorker();
  await worker.start({
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    onUnhandledRequest(request, print) {
      if (request.url.startsWith(API_BASE)) print.error();
    },
  });
  return worker;
}

/** The finder keeps its state in the page URL (`?cari=…&layanan=…`): every story starts clean. */
const noFinderState = { q: '', service: null, category: null, agency: null, event: null };

const preview: Preview = {
  loaders: [mswLoader(startMsw)],
  beforeEach() {
    const url = urlWithState(location.href, noFinderState);
    if (url !== location.href) history.replaceState(null, '', url);
  },
  globalTypes: {
    locale: {
      description: 'Language of the components (lang attribute on a wrapper)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'id', title: 'Bahasa Indonesia' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Theme (data-loket-theme on a wrapper, with packages/components/src/themes/*.css)',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light (default)' },
          { value: 'dark', title: 'Dark' },
          { value: 'high-contrast', title: 'High contrast' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'id', theme: 'light' },
  // The page around the components, as a site would set it: language and theme on a container whose
  // background follows the theme's tokens. On a docs page, each story is a box that scrolls.
  decorators: [
    (story, { globals, viewMode }) => html`
      <div
        class="loket-story"
        lang=${globals.locale ?? 'id'}
        data-loket-theme=${globals.theme ?? 'light'}
        style="background: var(--loket-color-bg, #ffffff); color: var(--loket-color-text, #1b1f24); padding: 1rem; box-sizing: border-box; ${viewMode === 'docs' ? 'max-height: 32rem; overflow: auto' : 'min-height: 100vh'}"
        tabindex=${ifDefined(viewMode === 'docs' ? 0 : undefined)}
      >
        ${story()}
      </div>
    `,
  ],
  parameters: {
    docs: { extractArgTypes },
    layout: 'fullscreen',
    // Every story is checked with axe; a violation fails it (in the Storybook UI and in vitest).
    a11y: { test: 'error' },
    viewport: {
      options: {
        narrow: {
          name: 'Narrow phone (320 px)',
          styles: { width: '320px', height: '640px' },
          type: 'mobile',
        },
      },
    },
  },
};

export default preview;

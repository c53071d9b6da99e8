import { Component, Element, Host, h, Prop, State } from '@stencil/core';
import type { PDFDocumentLoadingTask } from 'pdfjs-dist';
import { fill, type Locale, localeOf } from '../../../src/i18n';
import { watchLocale } from '../../../src/kit/locale';
import { type DeskMessages, deskText } from '../../messages';
import { loadPdfJs, openPdf } from '../../pdf';

/** More pages than this are left to the download (a scanned form is a few pages). */
const maxPages = 30;

interface PdfState {
  locale: Locale;
  phase: 'loading' | 'ready' | 'failed';
  /** Pages in the document, and how many are drawn here. */
  pages: number;
  shown: number;
}

/**
 * A PDF attachment drawn inline by pdf.js (docs/desk.md): each page on a canvas with its text
 * layer (selectable, read by screen readers), inside the desk's shadow root. The bytes are the
 * hardened download's; nothing in the PDF runs (no script, no links, no forms), and pdf.js is
 * loaded only when the first PDF is opened.
 *
 * @part base - The viewer. @part page - One page.
 */
@Component({
  tag: 'loket-desk-pdf',
  styleUrls: ['../../../src/kit/base.css', '../../desk.css', 'loket-desk-pdf.css'],
  shadow: true,
})
export class LoketDeskPdf {
  @Element() el!: HTMLElement;

  /** The PDF's bytes. */
  @Prop() file!: Blob;
  /** Its file name, said with each page. */
  @Prop() filename = '';

  @State() state: PdfState = { locale: 'id', phase: 'loading', pages: 0, shown: 0 };

  private unwatchLocale?: () => void;
  private task: PDFDocumentLoadingTask | null = null;
  private drawn: (() => void) | null = null;

  private set(patch: Partial<PdfState>) {
    this.state = { ...this.state, ...patch };
  }

  get t(): DeskMessages {
    return deskText.get(this.state.locale);
  }

  connectedCallback() {
    this.set({ locale: localeOf(this.el) });
    this.unwatchLocale = watchLocale(this.el, deskText, (locale) => this.set({ locale }));
  }

  disconnectedCallback() {
    this.unwatchLocale?.();
    void this.task?.destroy();
    this.task = null;
  }

  async componentWillLoad() {
    await deskText.load(this.state.locale);
  }

  componentDidLoad() {
    void this.draw();
  }

  componentDidRender() {
    this.drawn?.();
    this.drawn = null;
  }

  private async draw() {
    try {
      const task = await openPdf(await this.file.arrayBuffer());
      this.task = task;
      const document = await task.promise;
      const shown = Math.min(document.numPages, maxPages);
      await new Promise<void>((resolve) => {
        this.drawn = resolve;
        this.set({ pages: document.numPages, shown });
      });
      const pdfjs = await loadPdfJs();
      const root = this.el.shadowRoot;
      const width = root?.querySelector<HTMLElement>('.pages')?.clientWidth || 800;
      for (let n = 1; n <= shown && this.task === task; n++) {
        const page = await document.getPage(n);
        const figure = root?.querySelector<HTMLElement>(`[data-page="${n}"]`);
        const canvas = figure?.querySelector('canvas');
        const text = figure?.querySelector<HTMLElement>('.text');
        if (!figure || !canvas || !text) return;
        const scale = Math.min(width / page.getViewport({ scale: 1 }).width, 2);
        const viewport = page.getViewport({ scale });
        const ratio = window.devicePixelRatio || 1;
        canvas.width = Math.floor(viewport.width * ratio);
        canvas.height = Math.floor(viewport.height * ratio);
        figure.style.setProperty('--total-scale-factor', String(scale));
        figure.style.width = `${Math.floor(viewport.width)}px`;
        figure.style.height = `${Math.floor(viewport.height)}px`;
        await page.render({
          canvas,
          viewport,
          ...(ratio === 1 ? {} : { transform: [ratio, 0, 0, ratio, 0, 0] }),
          annotationMode: pdfjs.AnnotationMode.DISABLE,
        }).promise;
        await new pdfjs.TextLayer({
          textContentSource: page.streamTextContent(),
          container: text,
          viewport,
        }).render();
      }
      this.set({ phase: 'ready' });
    } catch {
      this.set({ phase: 'failed' });
    }
  }

  render() {
    const t = this.t.application;
    const { phase, pages, shown } = this.state;
    return (
      <Host>
        <div class="pdf" part="base" aria-busy={phase === 'loading' ? 'true' : 'false'}>
          {phase === 'loading' && <p class="loading">{t.pdfLoading}</p>}
          {phase === 'failed' && <p class="error">{t.pdfFailed}</p>}
          {pages > shown && <p class="notice">{fill(t.pdfMore, { shown, pages })}</p>}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the pages scroll on their own (a long PDF stays beside the actions), so the region must be reachable by keyboard (axe scrollable-region-focusable). */}
          <section class="pages" tabIndex={0} aria-label={this.filename}>
            {Array.from({ length: shown }, (_, i) => (
              <figure class="page" part="page" data-page={i + 1}>
                <canvas
                  role="img"
                  aria-label={fill(t.pdfPage, { page: i + 1, pages, file: this.filename })}
                />
                <div class="text textLayer" />
              </figure>
            ))}
          </section>
        </div>
      </Host>
    );
  }
}

import { controlId } from './flow';

type Find = () => HTMLElement | null | undefined;

/**
 * Where focus goes next in the form's shadow root. Focus is never left on an element that goes
 * away (a page that changes, a button replaced by a progress bar): the target is found after
 * the render that shows it.
 */
export class Focus {
  private next: Find | null = null;
  /** A target not found within this time is dropped (it would steal focus much later). */
  private until = 0;

  constructor(private readonly root: () => ShadowRoot | null) {}

  byId(id: string): HTMLElement | null {
    return this.root()?.getElementById(id) ?? null;
  }

  /** A field's control: its input, else its first control (e.g. a file question full of files). */
  control(field: string): HTMLElement | null {
    return (
      this.byId(controlId(field)) ??
      this.root()?.querySelector<HTMLElement>(
        `[data-field="${field}"] :is(input, select, textarea, button)`,
      ) ??
      null
    );
  }

  /** The file picker of a file question (absent while its files fill it). */
  picker(field: string): HTMLElement | null {
    return this.byId(controlId(field));
  }

  /**
   * After an upload: the picker while more files fit, else the last file's remove button. Both
   * are found only once rendered (never the upload box that is going away).
   */
  afterUpload(field: string): HTMLElement | null {
    return (
      this.picker(field) ??
      this.root()?.querySelector<HTMLElement>(`[data-field="${field}"] .file:last-child button`) ??
      null
    );
  }

  /** The first button of the upload box in `state`: Cancel while uploading, "Coba lagi" after a failure. */
  uploadButton(field: string, state: 'uploading' | 'failed'): HTMLElement | null {
    return (
      this.root()?.querySelector<HTMLElement>(`[data-upload="${field}"][data-state="${state}"] button`) ??
      null
    );
  }

  /** Focuses what `find` returns after the next render that has it. */
  later(find: Find): void {
    this.next = find;
    this.until = Date.now() + 5_000;
    // Perhaps nothing re-renders (the target is there already): try on the next frame too.
    requestAnimationFrame(() => this.next === find && this.rendered());
  }

  /** Like `later`, but only when focus is in the field's area or nowhere (it would be lost). */
  keep(field: string, find: Find): void {
    const active = this.root()?.activeElement;
    if (!active || active.closest(`[data-field="${field}"]`)) this.later(find);
  }

  /** Call after every render. */
  rendered(): void {
    if (this.next && Date.now() > this.until) this.next = null;
    const target = this.next?.();
    if (!target) return;
    this.next = null;
    // A field: scroll its label or legend into view too, not just the control.
    const wrapper = target.closest('[data-field]');
    wrapper?.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: !!wrapper });
  }
}

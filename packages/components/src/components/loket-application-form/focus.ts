import { Focus as ShadowFocus } from '../../kit/focus';
import { controlId } from './flow';

type Find = () => HTMLElement | null | undefined;

/**
 * The kit's `Focus` with the form's own targets: a question's control, its file picker, an
 * upload's buttons; a question is scrolled into view with its label or legend.
 */
export class Focus extends ShadowFocus {
  byId(id: string): HTMLElement | null {
    return this.root()?.getElementById(id) ?? null;
  }

  /** A field's control: its input, else its first control (e.g. a file question full of files). */
  control(field: string): HTMLElement | null {
    return (
      this.byId(controlId(field)) ?? this.find(`[data-field="${field}"] :is(input, select, textarea, button)`)
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
    return this.picker(field) ?? this.find(`[data-field="${field}"] .file:last-child button`);
  }

  /** The first button of the upload box in `state`: Cancel while uploading, "Coba lagi" after a failure. */
  uploadButton(field: string, state: 'uploading' | 'failed'): HTMLElement | null {
    return this.find(`[data-upload="${field}"][data-state="${state}"] button`);
  }

  /** A field: scroll its label or legend into view too, not just the control. */
  protected override move(target: HTMLElement): void {
    const wrapper = target.closest('[data-field]');
    wrapper?.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: !!wrapper });
  }

  /** Like `later`, but only when focus is in the field's area or nowhere (it would be lost). */
  keep(field: string, find: Find): void {
    const active = this.root()?.activeElement;
    if (!active || active.closest(`[data-field="${field}"]`)) this.later(find);
  }
}

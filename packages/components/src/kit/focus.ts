type Find = () => HTMLElement | null | undefined;

/**
 * Where focus goes next in a component's shadow root. Focus is never left on an element that goes
 * away (a page that changes, a button replaced by a progress bar): the target is found after the
 * render that shows it. The component calls `rendered()` from `componentDidRender`.
 */
export class Focus {
  private next: Find | null = null;
  /** A target not found within this time is dropped (it would steal focus much later). */
  private until = 0;

  constructor(protected readonly root: () => ShadowRoot | null | undefined) {}

  /** The first element that matches `selector`. */
  find(selector: string): HTMLElement | null {
    return this.root()?.querySelector<HTMLElement>(selector) ?? null;
  }

  /** Focuses what `find` returns after the next render that has it. */
  later(find: Find): void {
    this.next = find;
    this.until = Date.now() + 5_000;
    // Perhaps nothing re-renders (the target is there already): try on the next frame too.
    requestAnimationFrame(() => this.next === find && this.rendered());
  }

  /** Call after every render. */
  rendered(): void {
    if (this.next && Date.now() > this.until) this.next = null;
    const target = this.next?.();
    if (!target) return;
    this.next = null;
    this.move(target);
  }

  protected move(target: HTMLElement): void {
    target.focus();
  }
}

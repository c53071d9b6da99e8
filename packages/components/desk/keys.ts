// Keyboard shortcuts of the desk: single keys without modifiers, never while the officer types in
// a field (the key then goes to the field), listed in the shortcuts help the shell shows.

const typed = (el: Element) =>
  el instanceof HTMLInputElement ||
  el instanceof HTMLTextAreaElement ||
  el instanceof HTMLSelectElement ||
  (el instanceof HTMLElement && el.isContentEditable);

/** The shortcut `event` is, or null when it is typing, a modified key, or already handled. */
export function shortcut(event: KeyboardEvent): string | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return null;
  const target = event.composedPath()[0];
  if (target instanceof Element && typed(target)) return null;
  return event.key;
}

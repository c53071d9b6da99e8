/**
 * Copies `text` to the clipboard. Where the page may not (an old WebView, an `http:` page, a
 * denied permission) it selects the text shown in `shown` instead, so people can copy it with
 * their device's menu.
 */
export async function copyText(text: string, shown: Element | null): Promise<'copied' | 'selected'> {
  try {
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    if (shown instanceof HTMLInputElement) {
      shown.focus();
      shown.select();
    } else if (shown) {
      getSelection()?.selectAllChildren(shown);
    }
    return 'selected';
  }
}

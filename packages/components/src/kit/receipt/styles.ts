import { adoptStyles, type Css } from '../styles';

// The receipt's styles, adopted into the shadow root of the component that shows it (the form or
// the tracker) when the receipt is first opened, so neither first load carries them. Every rule is
// under .receipt: the component's own elements are not touched. The variables sit on .receipt
// itself, so "Cetak bukti" can copy the receipt alone into a print box (print.ts) with these
// styles. Every visual decision reads --loket-receipt-<property>, then --loket-<property>.
const css: Css = () => `
.receipt {
  --_text: var(--loket-receipt-color-text, var(--loket-color-text, #1b1f24));
  --_muted: var(--loket-receipt-color-muted, var(--loket-color-muted, #4a5361));
  --_bg: var(--loket-receipt-color-bg, var(--loket-color-bg, #fff));
  --_border: var(--loket-receipt-color-border, var(--loket-color-border, #6b7480));
  --_primary: var(--loket-receipt-color-primary, var(--loket-color-primary, #0b5cad));
  --_on-primary: var(--loket-receipt-color-on-primary, var(--loket-color-on-primary, #fff));
  --_focus: var(--loket-receipt-color-focus, var(--loket-color-focus, #f2b600));
  --_radius: var(--loket-receipt-radius, var(--loket-radius, 0.375em));
  display: block;
  margin-block: 1em;
  padding: 1em;
  color: var(--_text);
  background: var(--_bg);
  border: 2px solid var(--_border);
  border-radius: var(--_radius);
  font: normal 400 var(--loket-receipt-font-size, var(--loket-font-size, medium)) / 1.5
    var(--loket-receipt-font-family, var(--loket-font-family, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif));
  overflow-wrap: anywhere;
  text-align: start;
}
.receipt h2, .receipt h3, .receipt p, .receipt ul, .receipt dl { margin: 0 0 0.75em; padding: 0; }
.receipt h2 { margin-block-end: 0.25em; font-size: 1.375em; line-height: 1.25; }
.receipt h3 { margin-block-start: 1em; font-size: 1.125em; line-height: 1.3; }
.receipt ul { padding-inline-start: 1.5em; }
.receipt li { margin-block-end: 0.25em; }
.receipt [tabindex="-1"]:focus { outline: 0; box-shadow: none; }
.receipt dl { display: grid; grid-template-columns: minmax(8em, max-content) 1fr; gap: 0.375em 1em; }
.receipt dt { font-weight: 700; }
.receipt dd { margin: 0; }
.receipt .receipt-code { font-size: 1.25em; font-weight: 700; letter-spacing: 0.05em; }
.receipt .small { display: block; color: var(--_muted); font-size: 0.9375em; }
.receipt .receipt-actions { display: flex; flex-wrap: wrap; gap: 0.75em; margin-block-start: 1em; }
@media (max-width: 30em) {
  .receipt dl { grid-template-columns: 1fr; gap: 0.125em; }
  .receipt dd { margin-block-end: 0.5em; }
}
@media print {
  .receipt { --_text: #000; --_muted: #000; --_bg: #fff; --_border: #000; margin: 0; font-size: 11pt; border-width: 1pt; break-inside: avoid; }
  .receipt dl { grid-template-columns: 10em 1fr; gap: 0.375em 1em; }
  .receipt dd { margin: 0; }
  .receipt .receipt-actions { display: none; }
}
@media (forced-colors: active) {
  .receipt { border-color: CanvasText; }
}
`;

/** Adds the receipt's styles to `root` once (kit/styles.ts). */
export const adoptReceiptStyles = (root: ShadowRoot | null) => adoptStyles(root, css);

import { type FunctionalComponent, h } from '@stencil/core';
import { fill, type Locale } from '../../i18n';
import { HEADING_ID } from './flow';
import type { FormMessages } from './messages';

/** A load that failed for lack of network: say so, and offer "Coba lagi". */
export const Failure: FunctionalComponent<{ t: FormMessages; onRetry(): void }> = ({ t, onRetry }) => (
  <div class="notice error" part="error">
    <h2 id={HEADING_ID} tabIndex={-1}>
      {t.load.errorTitle}
    </h2>
    <p>{t.load.errorBody}</p>
    <button type="button" class="button" part="button retry" onClick={onRetry}>
      {t.load.retry}
    </button>
  </div>
);

/** While the form loads: a heading-free line (the live region says the same). */
export const Loading: FunctionalComponent<{ t: FormMessages }> = ({ t }) => (
  <p class="loading" part="loading">
    <span class="spinner" aria-hidden="true" />
    {t.load.loading}
  </p>
);

interface SentProps {
  t: FormMessages;
  code: string | null;
  withdrawn: boolean;
  trackerLink: string | null;
  onAnother(): void;
}

/** An application that was sent before (on another device, or this one earlier): nothing to fill in. */
export const Sent: FunctionalComponent<SentProps> = ({ t, code, withdrawn, trackerLink, onAnother }) => (
  <div class="sent" part="sent">
    <h2 id={HEADING_ID} tabIndex={-1}>
      {withdrawn ? t.submitted.withdrawn : t.submitted.title}
    </h2>
    {code && !withdrawn && <p>{fill(t.submitted.body, { code })}</p>}
    <div class="actions">
      {trackerLink && (
        <a class="button primary" part="button track" href={trackerLink}>
          {t.submitted.track}
        </a>
      )}
      <button type="button" class="link" part="button another" onClick={onAnother}>
        {t.submitted.another}
      </button>
    </div>
  </div>
);

interface RevisionProps {
  locale: Locale;
  t: FormMessages;
  note: string | null;
  /** The labels of the fields to correct. */
  labels: string[];
  onStart(): void;
}

/** The start of a revision: the officer's note and what to correct. */
export const RevisionIntro: FunctionalComponent<RevisionProps> = ({ t, note, labels, onStart }) => (
  <div class="revision" part="revision">
    <h2 id={HEADING_ID} tabIndex={-1}>
      {t.revision.title}
    </h2>
    {note && (
      <div class="notice" part="notice">
        <h3>{t.revision.note}</h3>
        <p class="note">{note}</p>
      </div>
    )}
    <h3>{t.revision.fields}</h3>
    <ul class="bullets">
      {labels.map((label) => (
        <li>{label}</li>
      ))}
    </ul>
    <div class="actions">
      <button type="button" class="button primary start" part="button start" onClick={onStart}>
        {t.revision.start}
        <span class="arrow" aria-hidden="true">
          →
        </span>
      </button>
    </div>
  </div>
);

import type { SessionSnapshot } from '@loket/sdk/session';
import { type FunctionalComponent, h } from '@stencil/core';
import { fill } from '../../i18n';
import type { FormMessages } from './messages';

interface SaveProps {
  t: FormMessages;
  snapshot: SessionSnapshot;
}

/**
 * Where the answers are, always in view while filling in: a plain banner when offline, and one
 * quiet line ("Tersimpan"). Not a live region: it changes with every pause in typing; going
 * offline and refusals are announced by the form's one live region instead.
 */
export const SaveStatus: FunctionalComponent<SaveProps> = ({ t, snapshot: s }) => {
  const text =
    s.sync === 'saving'
      ? t.save.saving
      : s.sync === 'saved'
        ? t.save.saved
        : s.sync === 'local'
          ? t.save.local
          : s.sync === 'refused'
            ? fill(t.save.refused, { detail: s.problem?.detail ?? s.problem?.title ?? '' })
            : null;
  return (
    <div class="save-status" part="save-status">
      {!s.online && (
        <p class="banner" part="offline">
          {t.save.offline}
        </p>
      )}
      {text && (
        <p class={{ save: true, refused: s.sync === 'refused' }} part="save">
          <span class="dot" aria-hidden="true" />
          {text}
        </p>
      )}
    </div>
  );
};

interface ResumeProps {
  t: FormMessages;
  link: string;
  onCopy(): void;
}

export const RESUME_INPUT_ID = 'loket-resume-link';

/** "Continue on another device": the private resume link (code and secret in its fragment). */
export const Resume: FunctionalComponent<ResumeProps> = ({ t, link, onCopy }) => (
  <details class="resume" part="resume">
    <summary>{t.resume.summary}</summary>
    <p>{t.resume.body}</p>
    <label class="label" htmlFor={RESUME_INPUT_ID}>
      {t.resume.label}
    </label>
    <p class="hint warning" id="loket-resume-warning">
      {t.resume.warning}
    </p>
    <div class="copy-row">
      <input
        id={RESUME_INPUT_ID}
        class="input"
        part="input"
        readOnly
        value={link}
        aria-describedby="loket-resume-warning"
        onFocus={(e: FocusEvent) => (e.target as HTMLInputElement).select()}
      />
      <button type="button" class="button" part="button copy" onClick={onCopy}>
        {t.resume.copy}
      </button>
    </div>
  </details>
);

import type { Attachment, FormDefinition, OfficerApplication } from '@loket/sdk';
import { type FunctionalComponent, h } from '@stencil/core';
import { answerText } from '../../../src/components/loket-application-form/answer-text';
import { say } from '../../../src/components/loket-application-form/flow';
import type { EndMessages } from '../../../src/components/loket-application-form/messages/later';
import { date, type Locale } from '../../../src/i18n';
import type { DeskMessages } from '../../messages';

/** A file opened in the viewer: the bytes the hardened download gave, and their object URL. */
export interface Opened {
  blob: Blob;
  url: string;
  type: string;
  filename: string;
}

/**
 * A file inline: an image as an image, a PDF drawn by pdf.js (`<loket-desk-pdf>`: nothing in it
 * runs; the bytes come from a citizen), and always the download.
 */
const Viewer: FunctionalComponent<{ t: DeskMessages; file: Opened }> = ({ t, file }) => (
  <div class="viewer">
    {file.type.startsWith('image/') && <img src={file.url} alt={file.filename} />}
    {file.type === 'application/pdf' && <loket-desk-pdf file={file.blob} filename={file.filename} />}
    <a href={file.url} download={file.filename}>
      {t.application.download} {file.filename}
    </a>
  </div>
);

const FileList: FunctionalComponent<{
  t: DeskMessages;
  files: Attachment[];
  opened: Record<string, Opened>;
  onToggle: (file: Attachment) => void;
}> = ({ t, files, opened, onToggle }) => (
  <ul class="files">
    {files.map((file) => {
      const open = opened[file.id];
      return (
        <li>
          <span class="filename">{file.filename}</span>{' '}
          <button
            type="button"
            class="secondary"
            aria-expanded={open ? 'true' : 'false'}
            onClick={() => onToggle(file)}
          >
            {open ? t.application.hide : t.application.view}
            <span class="visually-hidden"> {file.filename}</span>
          </button>
          {open && <Viewer t={t} file={open} />}
        </li>
      );
    })}
  </ul>
);

/** The answers laid out as the form's steps (each step a section, each field a row). */
export const Answers: FunctionalComponent<{
  t: DeskMessages;
  locale: Locale;
  application: OfficerApplication;
  form: FormDefinition | null;
  opened: Record<string, Opened>;
  onToggle: (file: Attachment) => void;
}> = ({ t, locale, application, form, opened, onToggle }) => {
  const words = { check: { yes: t.application.yes, no: t.application.no } } as EndMessages;
  const toFix = new Set(application.revision_fields);
  const steps = form?.steps ?? [];
  const inForm = new Set(steps.flatMap((s) => s.fields.map((f) => f.id)));
  const others = application.attachments.filter((a) => !inForm.has(a.field));
  return (
    <section class="answers" aria-labelledby="desk-answers-heading">
      <h2 id="desk-answers-heading">{t.application.answers}</h2>
      {steps.map((step) => (
        <section class="step" aria-label={say(step.title, locale)}>
          <h3>{say(step.title, locale)}</h3>
          <dl>
            {step.fields.map((field) => {
              const files = application.attachments.filter((a) => a.field === field.id);
              const value = application.answers[field.id];
              const text = answerText(locale, words, field, value, application.attachments);
              return [
                <dt class={{ fix: toFix.has(field.id) }}>{say(field.label, locale)}</dt>,
                <dd>
                  {field.type === 'file' && files.length > 0 ? (
                    <FileList t={t} files={files} opened={opened} onToggle={onToggle} />
                  ) : text.length > 0 ? (
                    text.join(', ')
                  ) : (
                    <span class="hint">{t.application.noAnswer}</span>
                  )}
                </dd>,
              ];
            })}
          </dl>
        </section>
      ))}
      {others.length > 0 && (
        <section class="step" aria-label={t.application.attachments}>
          <h3>{t.application.attachments}</h3>
          <FileList t={t} files={others} opened={opened} onToggle={onToggle} />
        </section>
      )}
      {application.submitted_at && (
        <p class="hint">
          {t.application.submittedOn}:{' '}
          {date(locale, application.submitted_at, { dateStyle: 'long', timeStyle: 'short' })}
        </p>
      )}
    </section>
  );
};

import type { Attachment, FormField } from '@loket/sdk';
import { type FunctionalComponent, h } from '@stencil/core';
import { fill, type Locale } from '../../i18n';
import { describedBy, type FieldContext, HintAndError, Optional } from './fields';
import { controlId, say } from './flow';
import type { FormMessages } from './messages';
import type { Preview } from './previews';

// This module is loaded after the form's first render (loket-application-form.tsx, `needFiles`):
// the file questions and what they show of a file come when a documents step may be near.
export { previewOf, revoke } from './previews';

/** A file on its way to the server (kept in memory so "Coba lagi" sends the same one). */
export interface Upload {
  file: File;
  /** 0 to 1. */
  percent: number;
  state: 'uploading' | 'failed';
  /** Why it failed, for people. */
  error?: string;
  abort: AbortController;
}

export interface FileFieldProps {
  ctx: FieldContext;
  field: FormField;
  /** This field's uploaded files. */
  files: Attachment[];
  upload: Upload | undefined;
  /** Thumbnails and page counts of files uploaded from this device. */
  previews: Record<string, Preview>;
  onChoose(field: FormField, files: File[]): void;
  onCancel(field: FormField): void;
  onRetry(field: FormField): void;
  onRemove(field: FormField, file: Attachment): void;
}

const typeNames: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
};

/** 2097152 → "2 MB" (1 MB = 1024 × 1024 bytes, as phones show file sizes). */
export function sizeText(locale: Locale, t: FormMessages, bytes: number): string {
  const mb = bytes >= 1024 * 1024;
  const n = new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 }).format(
    bytes / (mb ? 1024 * 1024 : 1024),
  );
  return fill(mb ? t.file.size.mb : t.file.size.kb, { n });
}

/** "PDF, JPG atau PNG, paling besar 5 MB." */
function rulesText(locale: Locale, t: FormMessages, field: FormField): string {
  const accept = field.file?.accept ?? [];
  const types = new Intl.ListFormat(locale === 'id' ? 'id-ID' : 'en-GB', { type: 'disjunction' }).format(
    accept.map((type) => typeNames[type] ?? type),
  );
  return fill(t.file.rules, { types, size: sizeText(locale, t, field.file?.max_bytes ?? 0) });
}

/**
 * A file question: the rules, the uploaded files with a remove button each, the upload in
 * progress (a progress bar and Cancel) or the failed one (its reason and "Coba lagi"), and the
 * file picker while more files fit. `accept` lists image types, so phones offer the camera.
 */
export const FileField: FunctionalComponent<FileFieldProps> = (p) => {
  const { ctx, field, files, upload } = p;
  const { t, locale } = ctx;
  const id = controlId(field.id);
  const max = field.file?.max_files ?? 1;
  const room = files.length + (upload ? 1 : 0) < max;
  const percent = Math.round((upload?.percent ?? 0) * 100);
  // a photo (images only): phones open the camera
  const photo = !!field.file?.accept.every((type) => type.startsWith('image/'));
  return (
    <div class={{ field: true, invalid: !!ctx.errors[field.id] }} part="field" data-field={field.id}>
      {/* Without a picker (the files fit no more) the question is a plain paragraph, not a label. */}
      {room ? (
        <label class="label" htmlFor={id} id={`${id}-label`}>
          {say(field.label, locale)}
          <Optional ctx={ctx} field={field} />
        </label>
      ) : (
        <p class="label" id={`${id}-label`}>
          {say(field.label, locale)}
          <Optional ctx={ctx} field={field} />
        </p>
      )}
      <p class="hint" id={`${id}-rules`}>
        {rulesText(locale, t, field)}
      </p>
      <HintAndError ctx={ctx} field={field} />
      {files.length > 0 && (
        <ul class="files" part="files" aria-labelledby={`${id}-label`}>
          {files.map((file) => {
            const preview = p.previews[file.id];
            return (
              <li class="file">
                {/* the name says which file it is: the thumbnail adds nothing for a screen reader */}
                {preview?.url && (
                  <img class="thumb" part="thumbnail" src={preview.url} alt="" width={64} height={64} />
                )}
                <span class="filename">{file.filename}</span>
                <span class="small">
                  {preview?.pages ? `${fill(t.file.pages, { n: preview.pages })} · ` : ''}
                  {sizeText(locale, t, file.size)}
                </span>
                <button type="button" class="link" part="button" onClick={() => p.onRemove(field, file)}>
                  {t.file.remove}
                  <span class="visually-hidden"> {file.filename}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {upload?.state === 'uploading' && (
        <div class="upload" part="upload" data-upload={field.id} data-state="uploading">
          <span class="filename">{upload.file.name}</span>
          <progress
            class="progress"
            max={100}
            value={percent}
            aria-label={fill(t.file.uploading, { name: upload.file.name })}
          />
          <span class="small">{fill(t.file.percent, { n: percent })}</span>
          <button type="button" class="button" part="button cancel" onClick={() => p.onCancel(field)}>
            {t.file.cancel}
          </button>
        </div>
      )}
      {upload?.state === 'failed' && (
        <div class="upload failed" part="upload" data-upload={field.id} data-state="failed">
          <p class="error-message">
            {fill(t.file.failed, { name: upload.file.name })} {upload.error}
          </p>
          <div class="actions">
            <button type="button" class="button" part="button retry" onClick={() => p.onRetry(field)}>
              {t.file.retry}
            </button>
            <button type="button" class="link" part="button" onClick={() => p.onCancel(field)}>
              {t.file.cancel}
            </button>
          </div>
        </div>
      )}
      {room && (
        // The browser's own "Choose File" speaks the browser's language: the input, still the
        // control that takes focus and is named by the question, lies unseen over a button in the
        // page's language.
        <div class="picker">
          <span class="button picker-face" part="picker" aria-hidden="true">
            {photo ? t.file.photo : t.file.choose}
          </span>
          <input
            type="file"
            id={id}
            class="file-input"
            part="file-input"
            accept={field.file?.accept.join(',')}
            capture={photo ? 'environment' : undefined}
            multiple={max - files.length > 1}
            aria-describedby={describedBy(ctx, field, [`${id}-rules`])}
            aria-invalid={ctx.errors[field.id] ? 'true' : undefined}
            onChange={(e: Event) => {
              const input = e.target as HTMLInputElement;
              const chosen = [...(input.files ?? [])];
              input.value = ''; // the same file may be chosen again after a refusal
              if (chosen.length > 0) p.onChoose(field, chosen);
            }}
          />
        </div>
      )}
    </div>
  );
};

import type { Attachment, FormField, LoketApiError } from '@loket/sdk';
import { checkFile } from '@loket/sdk/rules';
import { type ApplicationSession, outcomeUnknown } from '@loket/sdk/session';
import { fill, type Locale } from '../../i18n';
import type { Upload } from './file-field';
import type { Focus } from './focus';
import type { FormMessages } from './messages';
import type { Preview } from './previews';

/** What the uploads need of the form component. */
export interface UploadHost {
  readonly session: ApplicationSession | undefined;
  readonly locale: Locale;
  readonly t: FormMessages;
  readonly uploads: Record<string, Upload>;
  setUpload(field: string, upload: Upload | null): void;
  setError(field: string, message: string | null): void;
  announce(text: string): void;
  readonly focusing: Focus;
  /** The validator module (loaded on first need). */
  validator(): Promise<typeof import('./validation')>;
  /** Thumbnails and page counts of the files uploaded from this device, by attachment id. */
  previews: Record<string, Preview>;
  /** The file questions' module (loaded after the first render). */
  needFiles(): Promise<typeof import('./file-field')>;
}

/**
 * File questions: a chosen file is checked on the device (type by its first bytes, size, count)
 * and refused without sending it; otherwise it is uploaded with progress, can be cancelled, and
 * after a network failure is kept in memory for "Coba lagi".
 */
export function uploadsOf(host: UploadHost) {
  async function send(field: FormField, file: File, checked: boolean, already: number): Promise<void> {
    const { t, session } = host;
    const rule = field.file;
    if (!rule || !session) return;
    const refused = checked ? null : await checkFile(rule, file, already);
    if (refused) {
      const message = (await host.validator()).refusal(host.locale, field, rule, refused);
      host.setError(field.id, message);
      host.announce(message);
      return;
    }
    host.setError(field.id, null);
    const abort = new AbortController();
    // The picker (or "Coba lagi") gives way to the progress bar: focus goes to its Cancel button.
    host.focusing.keep(field.id, () => host.focusing.uploadButton(field.id, 'uploading'));
    host.setUpload(field.id, { file, percent: 0, state: 'uploading', abort });
    host.announce(fill(t.file.uploading, { name: file.name }));
    const mine = () => host.uploads[field.id]?.abort === abort;
    try {
      const attachment = await session.upload(field.id, file, {
        signal: abort.signal,
        onProgress: ({ percent }) => {
          const now = host.uploads[field.id];
          if (now && mine()) host.setUpload(field.id, { ...now, percent });
        },
      });
      host.focusing.keep(field.id, () => host.focusing.afterUpload(field.id));
      const { previewOf } = await host.needFiles();
      host.previews = { ...host.previews, [attachment.id]: await previewOf(file) };
      if (mine()) host.setUpload(field.id, null);
      host.announce(fill(t.file.uploaded, { name: attachment.filename }));
    } catch (error) {
      if (abort.signal.aborted || !mine()) return; // cancelled: `cancel` said so
      if (!outcomeUnknown(error)) {
        // The server refused this file (e.g. its content is not what its name says): another file is needed.
        const { errors, detail, title } = error as LoketApiError;
        const message = errors[0]?.detail ?? detail ?? title;
        host.focusing.keep(field.id, () => host.focusing.picker(field.id));
        host.setUpload(field.id, null);
        host.setError(field.id, message);
        host.announce(`${fill(t.file.failed, { name: file.name })} ${message}`);
        return;
      }
      host.focusing.keep(field.id, () => host.focusing.uploadButton(field.id, 'failed'));
      host.setUpload(field.id, { file, percent: 0, state: 'failed', error: t.errors.network, abort });
      host.announce(`${fill(t.file.failed, { name: file.name })} ${t.errors.network}`);
    }
  }

  return {
    async choose(field: FormField, files: File[], attached: Attachment[]) {
      let already = attached.length;
      for (const file of files) {
        await send(field, file, false, already);
        already += 1;
      }
    },
    cancel(field: FormField) {
      const upload = host.uploads[field.id];
      if (!upload) return;
      host.focusing.keep(field.id, () => host.focusing.picker(field.id));
      host.setUpload(field.id, null);
      if (upload.state === 'uploading') {
        upload.abort.abort();
        host.announce(fill(host.t.file.cancelled, { name: upload.file.name }));
      }
    },
    retry(field: FormField) {
      const upload = host.uploads[field.id];
      if (!upload) return;
      void send(field, upload.file, true, 0);
    },
    async remove(field: FormField, file: Attachment) {
      const { t, session } = host;
      try {
        await session?.removeAttachment(field.id, file.id);
        const { [file.id]: gone, ...rest } = host.previews;
        (await host.needFiles()).revoke(gone);
        host.previews = rest;
        // Not rendered yet: focus is still on the remove button, which is going away.
        host.focusing.keep(field.id, () => host.focusing.picker(field.id));
        host.announce(fill(t.file.removed, { name: file.filename }));
      } catch {
        host.announce(fill(t.file.removeFailed, { name: file.filename }));
      }
    },
  };
}

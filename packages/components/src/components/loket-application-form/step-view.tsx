import type { Attachment, FormField } from '@loket/sdk';
import { type FunctionalComponent, h } from '@stencil/core';
import { fill } from '../../i18n';
import { ErrorSummary } from './error-summary';
import { Field, type FieldContext } from './fields';
import type { FileFieldProps, Upload } from './file-field';
import { HEADING_ID, type Page, type Problem, say } from './flow';
import type { Preview } from './previews';

export type FileHandlers = Pick<FileFieldProps, 'onChoose' | 'onCancel' | 'onRetry' | 'onRemove'>;
/** The file questions' module, loaded after the form's first render. */
export type FileView = typeof import('./file-field');

interface StepProps {
  ctx: FieldContext;
  page: Page;
  /** 1-based. */
  index: number;
  total: number;
  problems: Problem[];
  filesOf(field: FormField): Attachment[];
  uploads: Record<string, Upload>;
  previews: Record<string, Preview>;
  /** Until it has loaded, a file question says it is loading. */
  fileView: FileView | null;
  fileHandlers: FileHandlers;
  onGo(field: string): void;
  onContinue(): void;
  onBack(): void;
}

/** One step of the form: progress, its title, its questions, Continue; Back above. */
export const StepView: FunctionalComponent<StepProps> = (p) => {
  const { ctx, page } = p;
  const { t, locale } = ctx;
  return (
    <div class="step" part="step">
      <button type="button" class="link back" part="back" onClick={p.onBack}>
        <span aria-hidden="true">← </span>
        {t.step.back}
      </button>
      <ErrorSummary title={t.errors.title} problems={p.problems} onGo={p.onGo} />
      <form
        noValidate
        onSubmit={(e: Event) => {
          e.preventDefault();
          p.onContinue();
        }}
      >
        {/* The progress is part of the heading, so it is read when the heading gets focus. */}
        <h2 id={HEADING_ID} tabIndex={-1}>
          <span class="caption" part="progress">
            {fill(t.step.progress, { n: p.index, total: p.total })}
            <span class="visually-hidden">:</span>
          </span>{' '}
          {say(page.step.title, locale)}
        </h2>
        {page.step.description && <p class="lead">{say(page.step.description, locale)}</p>}
        {page.fields.map((field) =>
          field.type !== 'file' ? (
            <Field ctx={ctx} field={field} />
          ) : !p.fileView ? (
            <p class="loading" part="loading" data-field={field.id}>
              {t.load.loading}
            </p>
          ) : (
            <p.fileView.FileField
              ctx={ctx}
              field={field}
              files={p.filesOf(field)}
              upload={p.uploads[field.id]}
              previews={p.previews}
              {...p.fileHandlers}
            />
          ),
        )}
        <div class="actions">
          <button type="submit" class="button primary" part="button continue">
            {t.step.continue}
          </button>
        </div>
      </form>
    </div>
  );
};

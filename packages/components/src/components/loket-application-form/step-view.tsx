import type { Attachment, FormField } from '@loket/sdk';
import { type FunctionalComponent, h } from '@stencil/core';
import { fill } from '../../i18n';
import { ErrorSummary } from './error-summary';
import { Field, type FieldContext } from './fields';
import { FileField, type FileFieldProps, type Upload } from './file-field';
import { HEADING_ID, type Page, type Problem, say } from './flow';

export type FileHandlers = Pick<FileFieldProps, 'onChoose' | 'onCancel' | 'onRetry' | 'onRemove'>;

interface StepProps {
  ctx: FieldContext;
  page: Page;
  /** 1-based. */
  index: number;
  total: number;
  problems: Problem[];
  filesOf(field: FormField): Attachment[];
  uploads: Record<string, Upload>;
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
          field.type === 'file' ? (
            <FileField
              ctx={ctx}
              field={field}
              files={p.filesOf(field)}
              upload={p.uploads[field.id]}
              {...p.fileHandlers}
            />
          ) : (
            <Field ctx={ctx} field={field} />
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

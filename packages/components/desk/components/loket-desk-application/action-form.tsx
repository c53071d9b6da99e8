import type { FormDefinition, OfficerApplication } from '@loket/sdk';
import { canTransition } from '@loket/sdk/rules';
import { type FunctionalComponent, h } from '@stencil/core';
import { say } from '../../../src/components/loket-application-form/flow';
import type { Locale } from '../../../src/i18n';
import type { DeskMessages } from '../../messages';
import type { NoteDraft } from '../../notes';

export type Target = 'in_review' | 'needs_revision' | 'completed' | 'rejected';

export const targets: Target[] = ['in_review', 'needs_revision', 'completed', 'rejected'];

/** The shortcut of each transition (shown on its button, listed in the shell's help). */
export const keyOf: Record<Target, string> = {
  in_review: 'p',
  needs_revision: 'b',
  completed: 's',
  rejected: 't',
};

/** The transitions the state machine allows an officer from `status`, in the order shown. */
export const allowed = (status: OfficerApplication['status']): Target[] =>
  targets.filter((to) => canTransition('officer', status, to));

export interface ActionProps {
  t: DeskMessages;
  locale: Locale;
  application: OfficerApplication;
  form: FormDefinition | null;
  draft: NoteDraft;
  busy: boolean;
  problem: 'conflict' | 'invalid' | 'failed' | 'needFields' | 'needReason' | null;
  onDraft: (patch: Partial<NoteDraft>) => void;
  onSubmit: () => void;
  onReload: () => void;
  onResultFile: (file: File | null) => void;
}

const Problem: FunctionalComponent<Pick<ActionProps, 't' | 'problem' | 'onReload'>> = ({
  t,
  problem,
  onReload,
}) =>
  problem && (
    <div class="error" role="alert" id="desk-action-error" tabIndex={-1}>
      <p>{t.action[problem]}</p>
      {(problem === 'conflict' || problem === 'invalid') && (
        <button type="button" class="secondary" onClick={onReload}>
          {t.action.reload}
        </button>
      )}
    </div>
  );

/** needs_revision: a box per field of the form, by step. */
const FieldsToFix: FunctionalComponent<Pick<ActionProps, 't' | 'locale' | 'form' | 'draft' | 'onDraft'>> = (
  p,
) => (
  <fieldset aria-describedby="desk-fields-hint">
    <legend>{p.t.action.fields}</legend>
    <p class="hint" id="desk-fields-hint">
      {p.t.action.fieldsHint}
    </p>
    {(p.form?.steps ?? []).flatMap((step) =>
      step.fields.map((field) => (
        <div class="check">
          <input
            type="checkbox"
            id={`desk-fix-${field.id}`}
            checked={p.draft.fields.includes(field.id)}
            onChange={(event) => {
              const on = (event.target as HTMLInputElement).checked;
              const rest = p.draft.fields.filter((f) => f !== field.id);
              p.onDraft({ fields: on ? [...rest, field.id] : rest });
            }}
          />
          <label htmlFor={`desk-fix-${field.id}`}>
            {say(field.label, p.locale)} <span class="hint">({say(step.title, p.locale)})</span>
          </label>
        </div>
      )),
    )}
  </fieldset>
);

/** The chosen transition's form: the notes, the fields to fix, the result document. */
export const ActionForm: FunctionalComponent<ActionProps> = (p) => {
  const { t, draft } = p;
  const to = draft.action;
  if (!to) return null;
  const rejecting = to === 'rejected';
  return (
    <form
      class="action"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        p.onSubmit();
      }}
    >
      <h3 id="desk-action-heading" tabIndex={-1}>
        {t.action.to[to]}
      </h3>
      <Problem t={t} problem={p.problem} onReload={p.onReload} />
      {to === 'needs_revision' && <FieldsToFix {...p} />}
      {to === 'completed' && [
        <label htmlFor="desk-result">{t.action.resultFile}</label>,
        <p class="hint" id="desk-result-hint">
          {t.action.resultHint}
        </p>,
        <input
          id="desk-result"
          type="file"
          accept="application/pdf,image/jpeg,image/png"
          aria-describedby="desk-result-hint"
          onChange={(event) => p.onResultFile((event.target as HTMLInputElement).files?.[0] ?? null)}
        />,
      ]}
      <label htmlFor="desk-public-note">{rejecting ? t.action.reason : t.action.publicNote}</label>
      <p class="hint" id="desk-public-hint">
        {rejecting ? t.action.reasonHint : t.action.publicNoteHint}
      </p>
      <textarea
        id="desk-public-note"
        maxLength={2000}
        aria-describedby="desk-public-hint"
        aria-invalid={p.problem === 'needReason' ? 'true' : undefined}
        required={rejecting}
        onInput={(event) => p.onDraft({ publicNote: (event.target as HTMLTextAreaElement).value })}
        value={draft.publicNote}
      />
      <label htmlFor="desk-note">{t.action.note}</label>
      <p class="hint" id="desk-note-hint">
        {t.action.noteHint}
      </p>
      <textarea
        id="desk-note"
        maxLength={2000}
        aria-describedby="desk-note-hint"
        onInput={(event) => p.onDraft({ note: (event.target as HTMLTextAreaElement).value })}
        value={draft.note}
      />
      <div class="buttons">
        <button type="submit" class={rejecting ? 'danger' : ''} aria-disabled={p.busy ? 'true' : 'false'}>
          {t.action.confirm}
        </button>
        <button type="button" class="secondary" onClick={() => p.onDraft({ action: null })}>
          {t.action.cancel}
        </button>
      </div>
    </form>
  );
};

import type { Attachment, FormDefinition, FormField, Service } from '@loket/sdk';
import type { SessionSnapshot } from '@loket/sdk/session';
import { type FunctionalComponent, h } from '@stencil/core';
import type { ReceiptHost } from '../../kit/receipt';
import { applicationLink } from '../../utils/application-link';
import type { Actions } from './actions';
import type { FieldContext } from './fields';
import type { Upload } from './file-field';
import { type Page, type Problem, progressOf, say } from './flow';
import type { NewsState } from './news-choice';
import { Loading, RevisionIntro, Sent } from './notices';
import { PrepareView } from './prepare-view';
import type { Preview } from './previews';
import { Resume, SaveStatus } from './save-status';
import { type FileHandlers, type FileView, StepView } from './step-view';

/** The views loaded on first need: check your answers and the confirmation. */
export type Later = typeof import('./later-views');

export interface PlacesProps {
  ctx: FieldContext;
  info: Service;
  form: FormDefinition | null;
  snap: SessionSnapshot;
  place: string;
  pages: Page[];
  problems: Problem[];
  uploads: Record<string, Upload>;
  previews: Record<string, Preview>;
  fileView: FileView | null;
  files: FileHandlers;
  later: Later | null;
  declared: boolean;
  news: NewsState;
  badLink: boolean;
  trackerLink: string | null;
  /** The form, which shows the receipt on the confirmation. */
  host: ReceiptHost;
  act: Actions;
}

/** The page for the citizen's place, with the save status and the resume link around it. */
export const Places: FunctionalComponent<PlacesProps> = (p) => {
  const { ctx, snap, place } = p;
  const filling = place !== 'done' && place !== 'sent';
  const link = snap.key && applicationLink(location.href, snap.key);
  return [
    p.badLink && (
      <p class="notice error" part="notice">
        {ctx.t.load.badLink}
      </p>
    ),
    filling && p.form && <SaveStatus t={ctx.t} snapshot={snap} />,
    <View {...p} />,
    filling && link && (
      <Resume
        t={ctx.t}
        link={link}
        onCopy={() => void p.act.copy(ctx.t.resume.label, link, 'loket-resume-link')}
      />
    ),
  ];
};

const filesOf =
  (snap: SessionSnapshot) =>
  (field: FormField): Attachment[] => {
    const value = snap.answers[field.id];
    const ids = Array.isArray(value) ? value : [];
    return snap.attachments.filter((a) => a.field === field.id && ids.includes(a.id));
  };

const View: FunctionalComponent<PlacesProps> = (p) => {
  const { ctx, snap, place, pages, later } = p;
  const { t, locale } = ctx;
  const index = pages.findIndex((page) => page.step.id === place);
  const page = pages[index];
  const first = pages[0]?.step.id ?? 'check';
  if (page && p.form) {
    const { n, total } = progressOf(p.form, snap.answers, snap.revision?.fields ?? null, page.step.id);
    return (
      <StepView
        ctx={ctx}
        page={page}
        index={n}
        total={total}
        problems={p.problems}
        filesOf={filesOf(snap)}
        uploads={p.uploads}
        previews={p.previews}
        fileView={p.fileView}
        fileHandlers={p.files}
        onGo={p.act.goToField}
        onContinue={() => void p.act.next()}
        onBack={p.act.back}
      />
    );
  }
  if ((place === 'check' || place === 'done') && !later) return <Loading t={t} />;
  if (place === 'sent')
    return (
      <Sent
        t={t}
        code={snap.key?.code ?? null}
        withdrawn={snap.status === 'withdrawn'}
        trackerLink={p.trackerLink}
        onAnother={p.act.another}
      />
    );
  if (place === 'done' && later && snap.key && snap.submitted) {
    return (
      <later.Confirmation
        locale={locale}
        t={t}
        appKey={snap.key}
        status={snap.submitted}
        trackerLink={p.trackerLink}
        host={p.host}
        onCopy={(what, text, id) => void p.act.copy(what, text, id)}
        onAnother={p.act.another}
      />
    );
  }
  if (place === 'check' && later) {
    return (
      <later.CheckAnswers
        locale={locale}
        t={t}
        form={p.form as FormDefinition} // there is no check page without a form
        answers={snap.answers}
        attachments={snap.attachments}
        revision={snap.revision}
        problems={p.problems}
        declared={p.declared}
        news={
          snap.revision
            ? null
            : { ...p.news, contacts: later.contactsOf(p.form, snap.answers), onChoose: p.act.choose }
        }
        submit={snap.submit}
        onChange={p.act.change}
        onDeclare={p.act.declare}
        onSubmit={() => void p.act.submit()}
        onGo={p.act.goToField}
      />
    );
  }
  if (snap.revision && p.form) {
    const labels = pages.flatMap((pg) => pg.fields.map((f) => say(f.label, locale)));
    return (
      <RevisionIntro
        locale={locale}
        t={t}
        note={snap.revision.note}
        labels={labels}
        onStart={() => void p.act.go(first)}
      />
    );
  }
  return (
    <PrepareView
      locale={locale}
      t={t}
      service={p.info}
      form={p.form}
      started={Object.keys(snap.answers).length > 0}
      onStart={() => void p.act.go(first)}
    />
  );
};

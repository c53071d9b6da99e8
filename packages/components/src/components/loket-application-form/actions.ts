import type { AnswerValue, FormDefinition, FormField, NotifyChannels } from '@loket/sdk';
import { declarationOf, hiddenAnswerFields, normalizeAnswer } from '@loket/sdk/forms';
import type { ApplicationSession, SessionSnapshot } from '@loket/sdk/session';
import { fill, type Locale } from '../../i18n';
import { copyText } from './copy';
import { SUMMARY_ID } from './error-summary';
import type { LoketStepChangeDetail } from './events';
import type { Upload } from './file-field';
import { DECLARATION, HEADING_ID, type Page, type Problem, parseNumber, progressOf } from './flow';
import type { Focus } from './focus';
import type { FormMessages } from './messages';
import type { NewsState } from './news-choice';
import type { ValidationInput } from './validation';

/** What the citizen's actions read and change on the form component. */
export interface FormHost {
  readonly t: FormMessages;
  readonly locale: Locale;
  readonly form: FormDefinition | null;
  readonly snap: SessionSnapshot | null;
  readonly session: ApplicationSession | undefined;
  readonly focusing: Focus;
  readonly pages: Page[];
  readonly place: string;
  readonly uploads: Record<string, Upload>;
  errors: Record<string, string>;
  problems: Problem[];
  typed: Record<string, string>;
  declared: boolean;
  news: NewsState;
  /** A resume link was not known: said on the first page, until the citizen moves on. */
  badLink: boolean;
  announce(text: string): void;
  setError(field: string, message: string | null): void;
  /** Loads check your answers and the confirmation (when `place` needs them, or `now`). */
  needViews(now?: boolean): Promise<void>;
  stepChanged(detail: LoketStepChangeDetail): void;
}

/** Choices show at once whether they fixed their error; typing waits for the field's blur. */
const CHOICES = ['radio', 'checkbox', 'select', 'date'];

/**
 * The citizen's actions: answering, moving between pages (Continue checks the page first),
 * following an error or a change link to its question, submitting, starting again, copying.
 */
export function actionsOf(host: FormHost) {
  /** After a change from check your answers, Continue (and Back) return there. */
  let returnToCheck = false;
  let validation: Promise<typeof import('./validation')> | undefined;
  /** A submit in progress (a double tap must not start a second one while it is checked). */
  let submitting = false;

  /** The validator, loaded on first need (and just after the first render). */
  const validator = () => {
    validation ??= import('./validation');
    return validation;
  };

  const input = (): ValidationInput | null => {
    const { form, snap, locale, t, typed, uploads } = host;
    return form && snap
      ? { form, answers: snap.answers, attachments: snap.attachments, locale, t, typed, uploads }
      : null;
  };

  const validate = async (only?: string[]): Promise<Problem[]> => {
    const { problemsOf } = await validator();
    const now = input();
    return now ? problemsOf(now, only) : [];
  };

  /** On leaving a field: its own rules, never "wajib diisi" while it is still empty. */
  const check = async (field: string) => {
    const { blurProblem } = await validator();
    const now = input();
    const message = now && blurProblem(now, field);
    if (message !== undefined) host.setError(field, message);
  };

  const showProblems = (problems: Problem[]) => {
    host.problems = problems;
    host.errors = Object.fromEntries(
      problems.flatMap((p) => (p.field ? [[p.field, p.message]] : [])).reverse(),
    );
    host.focusing.later(() => host.focusing.byId(SUMMARY_ID));
  };

  const go = async (place: string, find = () => host.focusing.byId(HEADING_ID)) => {
    // Check your answers' views and whether to offer the phone there (news-check.ts) come early.
    if (place === 'check') await host.needViews(true);
    else if (place !== 'prepare') void host.needViews(true);
    host.problems = [];
    host.badLink = false;
    host.session?.setPlace(place);
    host.focusing.later(find);
    const { form, snap } = host;
    const { n, total } =
      form && snap
        ? progressOf(form, snap.answers, snap.revision?.fields ?? null, place)
        : { n: 0, total: 0 };
    host.stepChanged({ place, index: n, total });
  };

  const setAnswer = (field: string, value: AnswerValue | null) => {
    host.session?.setAnswer(field, value);
    const type = host.form?.steps.flatMap((s) => s.fields).find((f) => f.id === field)?.type;
    if (host.errors[field] && type && CHOICES.includes(type)) void check(field);
  };

  /** To a field (error summary link, change button): its page if it is on another, focus on it. */
  const goToField = (field: string) => {
    const page = host.pages.find((p) => p.fields.some((f) => f.id === field));
    const here = host.place;
    if (!page || page.step.id === here) return host.focusing.later(() => host.focusing.control(field));
    const error = host.errors[field];
    if (here === 'check') returnToCheck = true;
    void go(page.step.id, () => host.focusing.control(field));
    host.errors = error ? { [field]: error } : {};
  };

  /** Clears hidden answers, checks everything and the declaration, then hands over to the session. */
  const submitOnce = async (
    form: FormDefinition,
    session: ApplicationSession,
    snap: SessionSnapshot,
    t: FormMessages,
  ) => {
    // Answers to questions that other answers hid would be refused: they go first (in a
    // revision, only among the fields open to change).
    const open = snap.revision?.fields;
    for (const field of hiddenAnswerFields(form, snap.answers))
      if (!open || open.includes(field)) session.setAnswer(field, null);
    // The form's own declaration is the one ticked here (declare): its problem is the declaration's.
    const declaration = declarationOf(form)?.id;
    const problems = (await validate(open)).filter((p) => p.field !== declaration);
    if (!host.declared) problems.push({ field: DECLARATION, message: t.errors.declaration });
    if (problems.length > 0) return showProblems(problems);
    Object.assign(host, { errors: {}, problems: [] });
    host.announce(t.check.sending);
    // The news channels ticked (a channel without its contact sends nothing); a revision keeps
    // the first submission's choice.
    await session.submit(snap.revision ? {} : { notify: host.news.chosen }); // done, waiting and refused arrive through the snapshot
  };

  const indexHere = () => host.pages.findIndex((p) => p.step.id === host.place);

  return {
    validator,
    showProblems,
    go,
    goToField,
    setAnswer,
    check,
    /** A number parsed, a NIK, KK or phone number normalized as the server stores it; the text kept to show. */
    setTyped(field: FormField, text: string) {
      host.typed = { ...host.typed, [field.id]: text };
      const answer = field.type === 'number' ? parseNumber(text, host.locale) : normalizeAnswer(field, text);
      setAnswer(field.id, text.trim() ? (answer as AnswerValue | null) : null);
    },
    async next() {
      const { pages } = host;
      const index = indexHere();
      const page = pages[index];
      if (!page) return;
      const problems = await validate(page.fields.map((f) => f.id));
      if (problems.length > 0) return showProblems(problems);
      const back = returnToCheck;
      returnToCheck = false;
      await go(back ? 'check' : (pages[index + 1]?.step.id ?? 'check'));
    },
    back() {
      const index = indexHere();
      const back = returnToCheck;
      returnToCheck = false;
      void go(back ? 'check' : index > 0 ? (host.pages[index - 1]?.step.id ?? 'prepare') : 'prepare');
    },
    change(field: string) {
      returnToCheck = true;
      goToField(field);
    },
    choose(chosen: NotifyChannels) {
      host.news = { ...host.news, chosen };
    },
    /** One declaration: the tick on check your answers is also the form's own (not asked as a step). */
    declare(on: boolean) {
      host.declared = on;
      if (on) host.setError(DECLARATION, null);
      const field = host.form && declarationOf(host.form);
      // in a revision it was given with the first submission, and only the fields asked may change
      if (field && !host.snap?.revision) host.session?.setAnswer(field.id, on || null);
    },
    async submit() {
      const { form, session, snap, t } = host;
      if (!form || !session || !snap || submitting) return;
      submitting = true;
      try {
        await submitOnce(form, session, snap, t);
      } finally {
        submitting = false;
      }
    },
    another() {
      host.session?.forget();
      Object.assign(host, { declared: false, news: { ...host.news, chosen: [] }, typed: {}, errors: {} });
      void go('prepare');
    },
    async copy(what: string, text: string, shownId: string) {
      const result = await copyText(text, host.focusing.byId(shownId));
      host.announce(fill(result === 'copied' ? host.t.done.copied : host.t.done.selected, { what }));
    },
  };
}

export type Actions = ReturnType<typeof actionsOf>;

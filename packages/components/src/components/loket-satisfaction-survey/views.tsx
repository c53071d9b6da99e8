import type { SurveyProfile } from '@loket/sdk';
import type { SkmScore } from '@loket/sdk/rules';
import { type FunctionalComponent, h } from '@stencil/core';
import { fill } from '../../i18n';
import type { SurveyMessages } from './messages';
import { Questions } from './questions';
import type { SurveyView } from './state';

/** What the survey's views do; the component (loket-satisfaction-survey.tsx) acts. */
export interface SurveyActions {
  kiosk: boolean;
  /** "Coba lagi" after the state could not be loaded (an application's, over the network). */
  canRetry: boolean;
  onRetry: () => void;
  onStart: () => void;
  onNext: () => void;
  onScore: (index: number, score: SkmScore) => void;
  onProfile: (key: keyof SurveyProfile, value: string) => void;
  onSuggestion: (value: string) => void;
  onSubmit: () => void;
  onGo: (no: number) => void;
}

/** Below the heading, by phase: loading, the start, the questions, the thanks, or why not. */
export const SurveyBody: FunctionalComponent<{ t: SurveyMessages; view: SurveyView; act: SurveyActions }> = ({
  t,
  view,
  act,
}) => {
  const problem = view.problem && (
    <div class="problem" part="problem" role="alert" tabIndex={-1}>
      {t.problems[view.problem.kind]} {view.problem.detail}
    </div>
  );
  switch (view.phase) {
    case 'loading':
      return <p class="small">{t.loading}</p>;
    case 'no_key':
      return <p>{t.noKey}</p>;
    case 'answered':
    case 'not_yet':
      return (
        <p class="status" part="status" tabIndex={-1}>
          {view.phase === 'not_yet'
            ? t.notYet
            : view.linked
              ? t.linkUsed
              : view.about === 'visit'
                ? t.answeredVisit
                : t.answered}
        </p>
      );
    case 'failed':
      return [
        problem,
        act.canRetry && view.problem?.kind === 'network' && (
          <button type="button" class="button" part="button" onClick={act.onRetry}>
            {t.retry}
          </button>
        ),
      ];
    case 'intro':
      return [
        view.service && <p class="about">{fill(t.about[view.about], { service: view.service })}</p>,
        <p>{t.intro}</p>,
        <button type="button" class="button primary" part="button start" onClick={act.onStart}>
          {t.start}
        </button>,
      ];
    case 'done':
      return (
        <div class="done" part="done">
          <h3 id="loket-survey-done" tabIndex={-1}>
            {t.done}
          </h3>
          <p>{t.doneBody}</p>
          {act.kiosk && [
            <p class="small">{t.nextSoon}</p>,
            <button type="button" class="button primary" part="button next" onClick={act.onNext}>
              {t.next}
            </button>,
          ]}
        </div>
      );
    default:
      return [problem, <Questions t={t} view={view} {...act} />];
  }
};

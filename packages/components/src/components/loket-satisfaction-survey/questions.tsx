import type { SurveyProfile } from '@loket/sdk';
import { SKM_UNSUR, type SkmScore } from '@loket/sdk/rules';
import { type FunctionalComponent, h } from '@stencil/core';
import { fill } from '../../i18n';
import type { SurveyMessages } from './messages';
import { PROFILE_KEYS, type SurveyView } from './state';

interface Props {
  t: SurveyMessages;
  view: SurveyView;
  onScore: (index: number, score: SkmScore) => void;
  onProfile: (key: keyof SurveyProfile, value: string) => void;
  onSuggestion: (value: string) => void;
  onSubmit: () => void;
  /** Moves focus to a question (the error summary's links cannot reach into a shadow root). */
  onGo: (no: number) => void;
}

/** The first answer of unsur `no`: where its error link takes focus. */
export const questionId = (no: number) => `loket-skm-${no}`;

/**
 * The nine questions as radio groups (a fieldset and its legend each, the regulation's own
 * answers, worst first), the optional profile and the suggestion; GOV.UK's error summary above
 * them and each unanswered question's error in its group's description.
 */
export const Questions: FunctionalComponent<Props> = ({ t, view, ...on }) => {
  const sending = view.phase === 'sending';
  const names = SKM_UNSUR.map((u) => u.name[view.locale]);
  return (
    <form
      class="questions"
      part="form"
      noValidate
      aria-labelledby="loket-survey-heading"
      onSubmit={(e: Event) => {
        e.preventDefault();
        on.onSubmit();
      }}
    >
      {view.missing.length > 0 && (
        <div class="summary" part="error-summary" tabIndex={-1}>
          <div role="alert">
            <h3>{t.errorTitle}</h3>
            <ul>
              {view.missing.map((no) => (
                <li>
                  <a
                    href={`#${questionId(no)}`}
                    onClick={(e: MouseEvent) => {
                      e.preventDefault();
                      on.onGo(no);
                    }}
                  >
                    {fill(t.missing, { name: names[no - 1] ?? '' })}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      <p class="hint">{t.questionsHint}</p>
      {SKM_UNSUR.map((u, i) => {
        const invalid = view.missing.includes(u.no);
        const error = `${questionId(u.no)}-error`;
        return (
          <fieldset
            class={{ question: true, invalid }}
            part="question"
            aria-describedby={invalid ? error : null}
          >
            <legend class="label">{fill(t.question, { no: u.no, name: u.name[view.locale] })}</legend>
            {invalid && (
              <p class="field-error" id={error}>
                <span class="visually-hidden">{t.errorPrefix} </span>
                {fill(t.missing, { name: u.name[view.locale] })}
              </p>
            )}
            <div class="scale">
              {u.labels[view.locale].map((label, k) => {
                const score = (k + 1) as SkmScore;
                const id = k === 0 ? questionId(u.no) : `${questionId(u.no)}-${score}`;
                return (
                  <div class="choice">
                    <input
                      type="radio"
                      class="tick"
                      id={id}
                      name={`skm-${u.no}`}
                      value={score}
                      checked={view.scores[i] === score}
                      onChange={() => on.onScore(i, score)}
                    />
                    <label htmlFor={id}>{label}</label>
                  </div>
                );
              })}
            </div>
          </fieldset>
        );
      })}
      <fieldset class="profile" part="profile" aria-describedby="loket-profile-hint">
        <legend class="label">{t.profile.legend}</legend>
        <p class="hint" id="loket-profile-hint">
          {t.profile.hint}
        </p>
        {PROFILE_KEYS.map((key) => (
          <div class="field">
            <label class="label" htmlFor={`loket-profile-${key}`}>
              {t.profile[key].label}
            </label>
            <select
              id={`loket-profile-${key}`}
              class="select"
              part="select"
              onChange={(e: Event) => on.onProfile(key, (e.target as HTMLSelectElement).value)}
            >
              <option value="" selected={!view.profile[key]}>
                {t.profile.none}
              </option>
              {Object.entries(t.profile[key].options).map(([value, text]) => (
                <option value={value} selected={view.profile[key] === value}>
                  {text}
                </option>
              ))}
            </select>
          </div>
        ))}
      </fieldset>
      <div class="field">
        <label class="label" htmlFor="loket-suggestion">
          {t.suggestion}
        </label>
        <p class="hint" id="loket-suggestion-hint">
          {t.suggestionHint}
        </p>
        <textarea
          id="loket-suggestion"
          class="input"
          part="input"
          rows={4}
          maxLength={2000}
          aria-describedby="loket-suggestion-hint"
          value={view.suggestion}
          onInput={(e: Event) => on.onSuggestion((e.target as HTMLTextAreaElement).value)}
        />
      </div>
      <button type="submit" class="button primary" part="button send" aria-disabled={sending ? 'true' : null}>
        {sending ? t.sending : t.send}
      </button>
    </form>
  );
};

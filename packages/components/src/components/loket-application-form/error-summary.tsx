import { type FunctionalComponent, h } from '@stencil/core';
import { controlId, type Problem } from './flow';

interface Props {
  title: string;
  problems: Problem[];
  /** Moves to a field (on another page, when it is not on this one). */
  onGo(field: string): void;
}

export const SUMMARY_ID = 'loket-error-summary';

/**
 * GOV.UK error summary: at the top, focused when it appears (so it is read out), one link per
 * problem that moves focus to the field. The links' fragments point into the shadow root, which
 * the browser cannot follow, so they are handled here and never change the page URL.
 */
export const ErrorSummary: FunctionalComponent<Props> = ({ title, problems, onGo }) =>
  problems.length === 0 ? null : (
    <div class="error-summary" part="error-summary" id={SUMMARY_ID} tabIndex={-1}>
      {/* GOV.UK Frontend's markup: an alert inside the container that gets focus. */}
      <div role="alert">
        <h2 class="error-summary-title">{title}</h2>
        <ul class="error-list">
          {problems.map((problem) => (
            <li>
              {problem.field ? (
                <a
                  href={`#${controlId(problem.field)}`}
                  onClick={(e: MouseEvent) => {
                    e.preventDefault();
                    onGo(problem.field as string);
                  }}
                >
                  {problem.message}
                </a>
              ) : (
                problem.message
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );

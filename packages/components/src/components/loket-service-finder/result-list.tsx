import { type FunctionalComponent, h } from '@stencil/core';
import { fill } from '../../i18n';
import type { FinderMessages } from './messages';

// What stands in for a view: nothing found, a failed load (loading: skeleton.tsx). The results
// themselves are in results.tsx (loaded on demand).

export const Empty: FunctionalComponent<{ t: FinderMessages; q: string; onTry: (q: string) => void }> = ({
  t,
  q,
  onTry,
}) => (
  <section class="notice" part="empty" aria-labelledby="loket-empty-heading">
    <h2 id="loket-empty-heading" tabIndex={-1}>
      {t.results.emptyTitle}
    </h2>
    {q && <p>{fill(t.results.emptyFor, { q })}</p>}
    <p>{t.results.emptyTry}</p>
    <ul class="chips">
      {t.results.emptyExamples.map((example) => (
        <li>
          <button type="button" class="chip" part="button chip" onClick={() => onTry(example)}>
            {example}
          </button>
        </li>
      ))}
    </ul>
  </section>
);

export const Failure: FunctionalComponent<{ t: FinderMessages; title: string; onRetry: () => void }> = ({
  t,
  title,
  onRetry,
}) => (
  <section class="notice error" part="error" role="alert">
    <h2>{title}</h2>
    <p>{t.results.errorBody}</p>
    <button type="button" class="button" part="button retry" onClick={onRetry}>
      {t.results.retry}
    </button>
  </section>
);

import type { NoMatch as NoMatchAnswer } from '@loket/sdk';
import { type FunctionalComponent, h } from '@stencil/core';
import { fill, type Locale } from '../../i18n';
import { noMatchText } from './messages/no-match';

export { noMatchText };

export interface NoMatchProps {
  locale: Locale;
  q: string;
  noMatch: NoMatchAnswer;
}

/**
 * The complaint route for a search no service answers (the API's `no_match`), instead of a list
 * of the wrong kind: a complaint topic ("lampu jalan mati") is said to be one; words no service
 * has come after the usual empty state. Its own chunk, loaded with the first such search.
 */
export const NoMatch: FunctionalComponent<NoMatchProps> = (p) => {
  const n = noMatchText.get(p.locale);
  const complaint = p.noMatch.kind === 'complaint';
  return (
    <section class="notice" part="complaint" aria-labelledby="loket-complaint-heading">
      <h2 id="loket-complaint-heading" tabIndex={-1}>
        {complaint ? n.complaintTitle : n.unknownTitle}
      </h2>
      {complaint && <p>{fill(n.complaintFor, { q: p.q })}</p>}
      <p>{complaint ? n.complaintBody : n.unknownBody}</p>
      <ul>
        {p.noMatch.complaint_channels.map((c) => (
          <li>
            {c.url ? (
              <a href={c.url} part="complaint-link">
                {c.name}
              </a>
            ) : (
              c.name
            )}
            {c.scope === 'national' && `, ${n.national}`}
          </li>
        ))}
      </ul>
    </section>
  );
};

import { type FunctionalComponent, h } from '@stencil/core';

/**
 * What stands in for the results while they load, shaped and sized like them (the heading, the two
 * filters, result cards with the same padding and fact grid), and at least as tall as the space
 * reserve.css keeps for the finder: when the results arrive nothing on the page moves. Hidden from
 * screen readers (the live region speaks).
 */
export const Skeleton: FunctionalComponent = () => (
  <div class="skeleton" aria-hidden="true" part="skeleton">
    <span class="bone heading" />
    <div class="filters">
      {[0, 1].map(() => (
        <div class="field">
          <span class="bone name" />
          <span class="bone box" />
        </div>
      ))}
    </div>
    <ul class="cards">
      {[0, 1, 2].map(() => (
        <li class="card">
          <span class="bone title" />
          <div class="facts">
            {[0, 1, 2, 3].map(() => (
              <div>
                <span class="bone term" />
                <span class="bone" />
              </div>
            ))}
          </div>
        </li>
      ))}
    </ul>
  </div>
);

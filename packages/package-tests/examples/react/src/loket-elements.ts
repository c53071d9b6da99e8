// React 19 renders custom elements natively (properties set as properties, `on<event>` props as
// listeners for exactly that event name: `onloketApply` listens to `loketApply`). These lines give
// the JSX the elements' own types from @loket/components; no wrapper is needed.
import type {
  Components,
  LoketApplicationFormCustomEvent,
  LoketApplyDetail,
  LoketServiceFinderCustomEvent,
  LoketStepChangeDetail,
  LoketSubmitDetail,
} from '@loket/components';
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

type LoketElementProps<Props, Events> = Partial<Props> &
  Events &
  DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'loket-service-finder': LoketElementProps<
        Components.LoketServiceFinder,
        { onloketApply?: (event: LoketServiceFinderCustomEvent<LoketApplyDetail>) => void }
      >;
      'loket-application-form': LoketElementProps<
        Components.LoketApplicationForm,
        {
          onloketStepChange?: (event: LoketApplicationFormCustomEvent<LoketStepChangeDetail>) => void;
          onloketSubmit?: (event: LoketApplicationFormCustomEvent<LoketSubmitDetail>) => void;
        }
      >;
    }
  }
}

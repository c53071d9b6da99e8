import { canonicalSecret, formatSecret } from '@loket/sdk/rules';
import { type FunctionalComponent, h } from '@stencil/core';
import type { ErrorSummary, StepActions, StepErrors, TextField } from './fields';
import type { Opened } from './link';
import { lookupText } from './messages/lookup';
import type { BookingState } from './state';
import type { StepProps } from './steps';

export { lookupText };

// "Lihat antrean Anda": a booking's manage link (`#kode=…`) opened on a device that does not hold
// its secret asks for it, with the code filled in. Loaded only then, so neither the step nor its
// words are part of the booking's first load. It imports nothing else of the booking (its fields
// come as props): an import would move the component's code out of its entry into a shared chunk.

const CODE = 'loket-lookup-code';
const SECRET = 'loket-lookup-secret';
/** The contract's BookingCode pattern, checked before anything is sent. */
const CODE_PATTERN = /^[A-Za-z0-9-]{8,16}$/;

/** What the lookup step shows after an answer: nothing wrong yet, or why the booking did not open. */
function problems(
  host: BookingState,
  outcome: Opened | 'unknown',
): { errors: StepErrors; general: string | null } {
  const t = lookupText.get(host.v.locale);
  if (outcome === 'not-found') return { errors: { [SECRET]: t.notFound }, general: null };
  const general = outcome === 'too-many' ? t.tooMany : outcome === 'failed' ? t.failed : null;
  return { errors: {}, general };
}

/** Shows the step for `code` (from a link); with `outcome`, why the secret given did not open it. */
export async function askSecret(host: BookingState, code: string, outcome: Opened | 'unknown') {
  await lookupText.load(host.v.locale);
  host.set({ lookupCode: code, lookupSecret: '', phase: 'ready' });
  host.go('lookup');
  const shown = problems(host, outcome);
  host.set(shown);
  if (shown.general || Object.keys(shown.errors).length) host.focus('[part~="error-summary"]');
}

/** "Lihat antrean": the fields checked, then the booking opened (and kept on this device). */
export async function submitLookup(
  host: BookingState,
  open: (code: string, secret: string, typed: boolean) => Promise<Opened>,
) {
  const t = lookupText.get(host.v.locale);
  const code = (host.v.lookupCode ?? '').replace(/\s+/g, '');
  const typed = (host.v.lookupSecret ?? '').trim();
  // As the ticket shows it ("7KQ2-M9XD-…"), however it was typed; an older kind as typed.
  const canonical = canonicalSecret(typed);
  const secret = canonical ? formatSecret(canonical) : typed;
  if (host.v.busy) return;
  const errors: StepErrors = {};
  if (!code) errors[CODE] = t.codeMissing;
  else if (!CODE_PATTERN.test(code)) errors[CODE] = t.codeInvalid;
  if (!typed) errors[SECRET] = t.secretMissing;
  if (Object.keys(errors).length === 0) {
    const outcome = await open(code, secret, true);
    if (outcome === 'ok') return;
    Object.assign(errors, problems(host, outcome).errors);
    host.set({ general: problems(host, outcome).general });
  }
  host.set({ errors });
  host.focus('[part~="error-summary"]');
}

/** The first load's fields, for the step. */
export interface LookupParts {
  ErrorSummary: typeof ErrorSummary;
  TextField: typeof TextField;
  StepActions: typeof StepActions;
}

/** The step: the code (filled in from the link), the secret, "Lihat antrean"; or book another. */
export const LookupStep: FunctionalComponent<StepProps & LookupParts & { onAnother: () => void }> = (p) => {
  const { s, ErrorSummary, TextField, StepActions } = p;
  const t = lookupText.get(s.locale);
  return (
    <form
      class="step"
      part="step lookup"
      noValidate
      aria-labelledby="loket-step-heading"
      onSubmit={(e: Event) => {
        e.preventDefault();
        p.onSubmit();
      }}
    >
      <h2 id="loket-step-heading" tabIndex={-1}>
        {t.heading}
      </h2>
      <ErrorSummary t={p.t} errors={s.errors} general={s.general} onFocusField={p.onFocusField} />
      <p>{t.intro}</p>
      {(
        [
          [CODE, 'lookupCode', t.code, t.codeHint],
          [SECRET, 'lookupSecret', t.secret, t.secretHint],
        ] as const
      ).map(([id, field, label, hint]) => (
        <TextField
          t={p.t}
          id={id}
          label={label}
          hint={hint}
          error={s.errors[id]}
          value={s[field] ?? ''}
          type="text"
          autocomplete="off"
          onInput={(value) => p.onInput(field, value)}
        />
      ))}
      <StepActions t={p.t} submit={t.submit} busy={s.busy} />
      <p class="small">{t.lost}</p>
      <p>
        <button type="button" class="button" part="button another" onClick={p.onAnother}>
          {p.t.ticket.another}
        </button>
      </p>
    </form>
  );
};

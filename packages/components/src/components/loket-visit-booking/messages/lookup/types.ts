/** The strings of the booking's "enter your secret" step (lookup.tsx), in their own chunk. */
export interface LookupMessages {
  heading: string;
  intro: string;
  code: string;
  codeHint: string;
  secret: string;
  secretHint: string;
  submit: string;
  codeMissing: string;
  codeInvalid: string;
  secretMissing: string;
  notFound: string;
  failed: string;
  tooMany: string;
  lost: string;
}

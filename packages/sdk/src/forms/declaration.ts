// The declaration ("Saya menyatakan data yang saya isi benar"): a form's last step when its one
// field is a required yes/no box. Clients ask it once, on check your answers, next to the submit
// button, instead of as a step of its own and again before submitting.
import type { FormField, FormLike } from './types.js';

/** The form's declaration field, or `null` when its last step is not one. */
export function declarationOf(form: FormLike): FormField | null {
  const last = form.steps[form.steps.length - 1];
  const field = last?.fields.length === 1 ? last.fields[0] : undefined;
  return field && field.type === 'checkbox' && field.required && !field.options?.length && !last?.visible_if
    ? field
    : null;
}

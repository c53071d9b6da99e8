// JSON Pointers (RFC 6901) as problem+json `errors[].pointer` carries them: the server names the
// field it refuses, the form and the components find that field again by the same string.

/** One reference token: `~` → `~0`, `/` → `~1` (in that order, so `~1` typed stays `~01`). */
export const pointerSegment = (key: string | number): string =>
  String(key).replaceAll('~', '~0').replaceAll('/', '~1');

/** The pointer to an answer of an application's form: `/answers/<field>`. */
export const answerPointer = (field: string): string => `/answers/${pointerSegment(field)}`;

// Text PostgreSQL cannot store: a NUL, or a UTF-16 surrogate without its pair (not Unicode). One
// definition for the request check (http/input.ts), the answers' check, filenames and the pages'
// search box.

const LONE_SURROGATE = '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
const loneSurrogate = new RegExp(LONE_SURROGATE);
const loneSurrogates = new RegExp(LONE_SURROGATE, 'g');

/** True for text with a NUL or a lone surrogate. */
export const unstorable = (text: string): boolean => text.includes('\u0000') || loneSurrogate.test(text);

/** `text` without its lone surrogates. */
export const withoutLoneSurrogates = (text: string): string => text.replace(loneSurrogates, '');

/** `text` without NUL and lone surrogates. */
export const storable = (text: string): string => withoutLoneSurrogates(text.replaceAll('\u0000', ''));

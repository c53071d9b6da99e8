/**
 * `fn` remembered by its string argument: request headers such as Accept-Language take few values
 * in practice, and negotiating one costs more than a map lookup on every request. At most `size`
 * answers are kept (then forgotten all at once), so a client sending a new value each time only
 * costs what it cost before.
 */
export function memo<T>(fn: (value: string) => T, size = 256): (value: string) => T {
  const known = new Map<string, T>();
  return (value) => {
    const found = known.get(value);
    if (found !== undefined || known.has(value)) return found as T;
    if (known.size >= size) known.clear();
    const answer = fn(value);
    known.set(value, answer);
    return answer;
  };
}

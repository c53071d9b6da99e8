// Scanning minified JavaScript for literals: strings, objects and arrays, and component styles.

/** The end (exclusive) of the string literal whose opening quote is at `start`. */
function stringEnd(code, start) {
  const quote = code[start];
  for (let i = start + 1; i < code.length; i++) {
    if (code[i] === '\\') i++;
    else if (code[i] === quote) return i + 1;
  }
  return -1;
}

/** The end (exclusive) of the `{…}`/`[…]` literal opening at `start`; strings are skipped. */
function bracketEnd(code, start) {
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    const c = code[i];
    if (c === '"' || c === "'" || c === '`') {
      i = stringEnd(code, i) - 1;
      if (i < 0) return -1;
    } else if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** The literal (string, object or array) at `start`, as [start, end], or null. */
export function literalAt(code, start) {
  const c = code[start];
  const end =
    c === '{' || c === '['
      ? bracketEnd(code, start)
      : c === '"' || c === "'" || c === '`'
        ? stringEnd(code, start)
        : -1;
  return end > start ? [start, end] : null;
}

/**
 * Component styles in a Stencil lazy chunk: `X.style=":host{…}"`, or `X.style=Y` with
 * `Y=":host{…}"` declared in the same chunk, or an object of styles per mode.
 */
export function findStyles(code) {
  const ranges = [];
  for (const m of code.matchAll(/\.style=/g)) {
    const at = m.index + m[0].length;
    const direct = literalAt(code, at);
    if (direct) {
      ranges.push(direct);
      continue;
    }
    const id = /^[\w$]+/.exec(code.slice(at))?.[0];
    if (!id) continue;
    const decl = new RegExp(`(?:^|[,;{(\\s])${id.replace(/\$/g, '\\$')}=(?=["'\`{])`, 'g');
    for (const d of code.matchAll(decl)) {
      const range = literalAt(code, d.index + d[0].length);
      if (range) {
        ranges.push(range);
        break;
      }
    }
  }
  return ranges;
}

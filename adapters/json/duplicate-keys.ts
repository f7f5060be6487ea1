/**
 * Whether a JSON text has an object with the same key twice. `JSON.parse` keeps the last one silently,
 * so `{"verb":"deny","verb":"approve"}` could mean one thing to a log or a proxy and another to the bot
 * (shared/design/security.md, card payload case 51): such a body is refused instead. Expects text that
 * `JSON.parse` accepts; keys are compared after unescaping. Used for activities and for config files.
 */
export function hasDuplicateKeys(text: string): boolean {
  return duplicateKey(text) !== undefined;
}

/** The first key found twice in one object (for a config file's error message), if any. */
export function duplicateKey(text: string): string | undefined {
  // One entry per open container: the keys seen so far (objects), or null (arrays).
  const stack: Array<Set<string> | null> = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (expectKey && top) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (top.has(key)) return key;
        top.add(key);
        expectKey = false;
      }
      i = end;
    } else if (c === '{') {
      stack.push(new Set());
      expectKey = true;
    } else if (c === '[') {
      stack.push(null);
      expectKey = false;
    } else if (c === '}' || c === ']') {
      stack.pop();
      expectKey = false;
    } else if (c === ',') {
      expectKey = stack[stack.length - 1] instanceof Set;
    }
  }
  return undefined;
}

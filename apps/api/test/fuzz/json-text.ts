/**
 * A JSON value written out as text exactly as generated: numbers JSON.stringify cannot write
 * (1e400, -0, 30 digits) stay raw tokens, and keys such as `__proto__` stay own keys.
 */
export class RawJson {
  constructor(readonly text: string) {}
}

/** An object whose keys may include `__proto__`, which an object literal would turn into a prototype. */
export function objectOf(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return object;
}

/** JSON text of a generated value; iterative, since a hostile value may nest thousands deep. */
export function jsonText(value: unknown): string {
  const out: string[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (next instanceof RawJson) out.push(next.text);
    else if (typeof next === 'symbol') out.push(next.description ?? '');
    else if (Array.isArray(next)) {
      stack.push(Symbol.for(']'));
      for (let index = next.length - 1; index >= 0; index--) {
        stack.push(next[index]);
        if (index > 0) stack.push(Symbol.for(','));
      }
      stack.push(Symbol.for('['));
    } else if (typeof next === 'object' && next !== null) {
      const entries = Object.entries(next);
      stack.push(Symbol.for('}'));
      for (let index = entries.length - 1; index >= 0; index--) {
        stack.push(entries[index][1]);
        stack.push(Symbol.for(`${JSON.stringify(entries[index][0])}:`));
        if (index > 0) stack.push(Symbol.for(','));
      }
      stack.push(Symbol.for('{'));
    } else out.push(next === undefined ? 'null' : JSON.stringify(next));
  }
  return out.join('');
}

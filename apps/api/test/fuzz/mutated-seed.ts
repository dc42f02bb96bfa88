import fc from 'fast-check';
import { hostileValue } from './hostile-values';
import { objectOf } from './json-text';

type Path = ReadonlyArray<string | number>;

/** Every place in a JSON value: the root, each property and each array element. */
function pathsOf(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) return [path, ...value.flatMap((item, index) => pathsOf(item, [...path, index]))];
  if (typeof value === 'object' && value !== null) {
    return [path, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...path, key]))];
  }
  return [path];
}

type Mutation = 'replace' | 'delete' | 'add-key';

/** A copy of `value` with the node at `path` replaced, deleted, or given an extra key. */
function mutate(value: unknown, path: Path, mutation: Mutation, replacement: unknown, key: string): unknown {
  if (path.length === 0) {
    if (mutation === 'add-key' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return objectOf([...Object.entries(value), [key, replacement]]);
    }
    return mutation === 'delete' ? undefined : replacement;
  }
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    const changed = mutate(copy[head as number], rest, mutation, replacement, key);
    if (changed === undefined) copy.splice(head as number, 1);
    else copy[head as number] = changed;
    return copy;
  }
  const entries = Object.entries(value as object).flatMap(([name, item]): Array<[string, unknown]> => {
    if (name !== head) return [[name, item]];
    const changed = mutate(item, rest, mutation, replacement, key);
    return changed === undefined ? [] : [[name, changed]];
  });
  return objectOf(entries);
}

/**
 * A valid request body with one thing wrong: a value swapped for a hostile one, a field
 * removed, or a key added (`__proto__` among them). It passes everything in front of the
 * broken place, so the checks behind it are reached.
 */
export function mutatedSeed(seed: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(seed);
  return fc
    .record({
      at: fc.constantFrom(...paths),
      mutation: fc.constantFrom<Mutation>('replace', 'replace', 'delete', 'add-key'),
      replacement: hostileValue,
      key: fc.constantFrom('__proto__', 'constructor', 'toString', 'unexpected'),
    })
    .map(({ at, mutation, replacement, key }) => mutate(seed, at, mutation, replacement, key) ?? null);
}

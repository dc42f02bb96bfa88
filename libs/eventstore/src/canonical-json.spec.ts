import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth, drops undefined members, adds no spaces', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('keeps non-ASCII text as UTF-8 characters and numbers in shortest form', () => {
    expect(canonicalJson({ 名前: '札幌市', amount: 25_000_000, ratio: 0.5, neg: -0 })).toBe(
      '{"amount":25000000,"neg":0,"ratio":0.5,"名前":"札幌市"}',
    );
  });

  it('refuses values without a JSON form instead of hashing something else', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
  });
});

describe('canonicalJson, against its plain definition', () => {
  /** The definition, written for reading: what every stored hash was taken over. */
  function definition(value: unknown): string | undefined {
    if (value === null || typeof value !== 'object') {
      if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
      return JSON.stringify(value);
    }
    const withToJson = value as { toJSON?: () => unknown };
    if (typeof withToJson.toJSON === 'function') return definition(withToJson.toJSON());
    if (Array.isArray(value)) return `[${value.map((item) => definition(item) ?? 'null').join(',')}]`;
    const members = Object.keys(value)
      .sort()
      .flatMap((key) => {
        const member = definition((value as Record<string, unknown>)[key]);
        return member === undefined ? [] : [`${JSON.stringify(key)}:${member}`];
      });
    return `{${members.join(',')}}`;
  }

  /** A small seeded generator (mulberry32): the same documents on every run. */
  function randomFrom(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  // Keys as events have them, and the ones whose order is easy to get wrong: integer-like keys
  // (which a JavaScript object always lists first), keys that need escaping, and Japanese.
  const KEYS = [
    'amount',
    'a',
    'b',
    'B',
    '10',
    '2',
    '0',
    'plan',
    '名前',
    '審査',
    'x"y',
    'line\nbreak',
    '',
    'é',
  ];
  const STRINGS = ['札幌市', 'quote " and \\ backslash', 'tab\tnew\nline', '\u2028', 'plain', ''];

  function document(random: () => number, depth: number): unknown {
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const kind = depth > 3 ? Math.floor(random() * 5) : Math.floor(random() * 8);
    switch (kind) {
      case 0:
        return pick(STRINGS);
      case 1:
        return pick([0, -0, 1, -1.5, 25_000_000, 0.1, 1e21, 1e-7]);
      case 2:
        return pick([true, false, null]);
      case 3:
        return undefined;
      case 4:
        return new Date(Date.UTC(2025, 5, 10, 14, 59, 59, 999));
      case 5:
        return Array.from({ length: Math.floor(random() * 4) }, () => document(random, depth + 1));
      default: {
        const record: Record<string, unknown> = {};
        for (let count = Math.floor(random() * 6); count > 0; count--)
          record[pick(KEYS)] = document(random, depth + 1);
        return record;
      }
    }
  }

  it('writes exactly what the definition writes, for 5,000 seeded documents', () => {
    const random = randomFrom(2025);
    for (let index = 0; index < 5_000; index++) {
      const value = { event: index, data: document(random, 0), metadata: document(random, 0) };
      expect(canonicalJson(value)).toBe(definition(value));
    }
  });

  it('orders integer-like keys as text, not as a JavaScript object lists them', () => {
    expect(canonicalJson({ 2: 'b', 10: 'a', x: 1 })).toBe('{"10":"a","2":"b","x":1}');
  });

  it('writes a key that needs escaping the same way each time it meets it', () => {
    expect(canonicalJson([{ 'x"y': 1 }, { 'x"y': 2 }])).toBe('[{"x\\"y":1},{"x\\"y":2}]');
  });
});

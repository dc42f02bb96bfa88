import fc from 'fast-check';
import { RawJson, objectOf } from './json-text';

/** Numbers JSON can write that JavaScript cannot hold as written, or that no field of this API takes. */
export const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    ...['1e400', '-1e400', '-0', '1e-400', '123456789012345678901234567890', '9007199254740993'].map(
      (text) => new RawJson(text),
    ),
    -1,
    0.5,
    0.2499,
    1e21,
    -2147483649,
    Number.MAX_SAFE_INTEGER,
    Number.MIN_SAFE_INTEGER,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** Strings that are not text, not the format asked for, or far too long. */
export const hostileString: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '\u0000',
      'a\u0000b',
      '\ud800',
      'x\udfffy',
      '💥',
      "'; DROP TABLE events; --",
      '../../etc/passwd',
      '%00',
      'NaN',
      'Infinity',
      'null',
      'true',
      '2025-02-30',
      '2025-13-01',
      '0000-00-00',
      '+275760-09-13',
      '2025-06-02T25:61:00+09:00',
      // The last instant a Date holds in year 9999: its intake round would be "10000-01".
      '9999-12-31T23:59:59.999Z',
      'not-a-uuid',
      '00000000-0000-0000-0000-000000000000',
      // A well-formed v4 uuid that no stream has.
      '00000000-0000-4000-8000-000000000000',
      // Page cursors (base64url JSON [key, id]) whose key Date.parse takes but PostgreSQL refuses.
      ...[
        ['2025', '00000000-0000-4000-8000-000000000000'],
        ['2025-02-30', '00000000-0000-4000-8000-000000000000'],
      ].map((cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url')),
      'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
      '03207',
      '032078',
      '999997',
      '０３２０７７',
      '2025-R9',
      '__proto__',
    ),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 30_000 }).map((length) => 'あ'.repeat(length)) },
);

/** Objects and arrays in the wrong place, keys every object has, and nesting past any sane depth. */
export const hostileStructure: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, [], {}, [[]], [{}], [null]),
  fc
    .constantFrom('__proto__', 'constructor', 'toString', 'prototype', 'hasOwnProperty')
    .map((key) => objectOf([[key, { polluted: true }]])),
  fc.integer({ min: 10, max: 4_000 }).map((levels) => {
    let value: unknown = 1;
    for (let level = 0; level < levels; level++) value = level % 2 === 0 ? [value] : { a: value };
    return value;
  }),
  fc.integer({ min: 100, max: 1_000 }).map((length) => Array.from({ length }, (_, index) => index)),
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(hostileNumber, hostileString, hostileStructure);

/** Any JSON value at all, hostile values among them. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileValue },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
);

/** Header values a client might send; printable bytes only, since HTTP itself cannot carry the rest. */
export const hostileHeader: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '*',
    '-1',
    '0',
    '1.5',
    '1e400',
    'W/"1"',
    '"1"',
    '99999999999999999999',
    'null',
    '__proto__',
  ),
  fc.string({
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
    maxLength: 60,
  }),
  fc.integer({ min: 200, max: 6_000 }).map((length) => 'k'.repeat(length)),
);

/** A path segment as it goes on the wire: hostile text, percent-encoded byte by byte (invalid UTF-8 included). */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  hostileString.map((value) => percentEncode(String(value).slice(0, 2_000))),
  fc.constantFrom(
    '%',
    '%zz',
    '%ED%A0%80',
    '%FF%FE',
    '%00',
    '..',
    '.',
    '%2e%2e',
    '%2F',
    'a%2Fb',
    '-1',
    '1e400',
  ),
);

/** Encodes every UTF-16 unit that encodeURIComponent would refuse (a lone surrogate) as its 3 bytes. */
export function percentEncode(text: string): string {
  let encoded = '';
  for (const character of text) {
    const code = character.codePointAt(0) as number;
    if (code >= 0xd800 && code <= 0xdfff) {
      encoded += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    } else encoded += encodeURIComponent(character);
  }
  return encoded;
}

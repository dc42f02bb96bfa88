import { MAX_JSON_DEPTH, unsafeJsonProblems } from './json-body-guard';

const nest = (levels: number): unknown => {
  let value: unknown = 1;
  for (let level = 0; level < levels; level++) value = [value];
  return value;
};
const errorsOf = (body: unknown) => unsafeJsonProblems(body)?.problem.errors ?? [];

describe('unsafeJsonProblems', () => {
  it('lets ordinary JSON through, emoji and all', () => {
    expect(unsafeJsonProblems({ a: [1, 'x', null, true, { b: '🍺', c: -0.5 }] })).toBeUndefined();
  });

  it(`accepts ${MAX_JSON_DEPTH} levels and refuses one more`, () => {
    expect(unsafeJsonProblems(nest(MAX_JSON_DEPTH))).toBeUndefined();
    expect(errorsOf(nest(MAX_JSON_DEPTH + 1))).toEqual([
      expect.objectContaining({ field: 'body', rule: 'json_depth' }),
    ]);
  });

  it('walks a million levels without overflowing the stack', () => {
    expect(errorsOf(nest(1_000_000))[0]).toMatchObject({ rule: 'json_depth' });
  });

  it('names each bad value by its path', () => {
    expect(
      errorsOf({ a: [0, Infinity], b: { c: 'x\u0000' }, d: '\udfff', e: -Infinity }).map(
        ({ field, rule }) => [field, rule],
      ),
    ).toEqual([
      ['a[1]', 'finite_number'],
      ['b.c', 'unicode_text'],
      ['d', 'unicode_text'],
      ['e', 'finite_number'],
    ]);
  });

  it("refuses keys named after Object.prototype's members, at any level", () => {
    const body = JSON.parse('{"__proto__":1,"x":{"valueOf":2,"hasOwnProperty":3}}');
    expect(errorsOf(body).map(({ field, rule }) => [field, rule])).toEqual([
      ['__proto__', 'unknown_field'],
      ['x.valueOf', 'unknown_field'],
      ['x.hasOwnProperty', 'unknown_field'],
    ]);
  });

  it('walks a megabyte-wide array without spreading it onto the stack', () => {
    expect(unsafeJsonProblems({ wide: new Array(600_000).fill(0) })).toBeUndefined();
  });

  it('reports at most 20 fields', () => {
    const body = Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`k${index}`, Infinity]));
    expect(errorsOf(body)).toHaveLength(20);
  });
});

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

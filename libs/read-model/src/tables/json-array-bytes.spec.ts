import { jsonArrayBytes } from './json-array-bytes';

const identity = (item: unknown): unknown => item;

describe('jsonArrayBytes', () => {
  it('writes the same text JSON.stringify writes for the array, in UTF-8', () => {
    const items = [
      { title: '地域の食材を活かした加工品', grant: 25_000_000, tags: ['脱炭素', 'DX'] },
      { title: 'emoji 🎌 and a quote "', grant: null },
      'a string',
      42,
    ];
    expect(jsonArrayBytes(items, identity).toString('utf8')).toBe(JSON.stringify(items));
  });

  it('writes what an item maps to, and null where it maps to nothing', () => {
    const bytes = jsonArrayBytes([1, 2, 3], (item) => (item === 2 ? undefined : { item }));
    expect(JSON.parse(bytes.toString('utf8'))).toEqual([{ item: 1 }, null, { item: 3 }]);
  });

  it('writes an empty array as []', () => {
    expect(jsonArrayBytes([], identity).toString('utf8')).toBe('[]');
  });

  it('keeps each answer its own when later arrays are written, however long they are', () => {
    const first = jsonArrayBytes(['最初'], identity);
    // Several MB of three-byte characters: past the buffer the text is put together in.
    const long = Array.from({ length: 2_000 }, (_, index) => `${index}:${'申請'.repeat(500)}`);
    const second = jsonArrayBytes(long, identity);
    expect(first.toString('utf8')).toBe('["最初"]');
    expect(JSON.parse(second.toString('utf8'))).toEqual(long);
    expect(second.length).toBe(Buffer.byteLength(JSON.stringify(long)));
  });
});

import { WrittenOnce } from './written-once';

describe('a view written once', () => {
  const view = { id: 'a', title: '久慈の木工' };

  it('is written by the serializer the first time and sent as the same bytes after', () => {
    const serialize = jest.fn((value: typeof view) => JSON.stringify(value));
    const written = new WrittenOnce(view);
    const first = written.writtenBy(serialize);
    expect(written.writtenBy(serialize)).toBe(first);
    expect(serialize).toHaveBeenCalledTimes(1);
    expect(first.toString('utf8')).toBe('{"id":"a","title":"久慈の木工"}');
  });

  it('holds exactly its own bytes, not a slice of a shared pool', () => {
    const bytes = new WrittenOnce(view).writtenBy(JSON.stringify);
    expect(bytes.buffer.byteLength).toBe(bytes.length);
  });

  it('reads as its view in JSON, before and after it is written', () => {
    const written = new WrittenOnce(view);
    expect(JSON.parse(JSON.stringify(written))).toEqual(view);
    written.writtenBy((value) => JSON.stringify({ ...value, title: '書かれた通り' }));
    expect(JSON.parse(JSON.stringify(written))).toEqual({ id: 'a', title: '書かれた通り' });
  });
});

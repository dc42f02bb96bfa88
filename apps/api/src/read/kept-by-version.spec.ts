import { KeptByVersion } from './kept-by-version';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('values kept by the version of their data', () => {
  it('are made once while the version stands, and again once it has moved', async () => {
    const kept = new KeptByVersion<number>(8);
    let made = 0;
    const make = async () => ++made;
    expect(await kept.of('june', 'a:10:t1', make)).toBe(1);
    expect(await kept.of('june', 'a:10:t1', make)).toBe(1);
    expect(await kept.of('june', 'b:12:t2', make)).toBe(2);
    expect(made).toBe(2);
  });

  it('keep each key apart', async () => {
    const kept = new KeptByVersion<string>(8);
    expect(await kept.of('june', 'v', async () => 'june')).toBe('june');
    expect(await kept.of('july', 'v', async () => 'july')).toBe('july');
    expect(await kept.of('june', 'v', async () => 'something else')).toBe('june');
  });

  it('share one value among the requests that ask while it is being made', async () => {
    const kept = new KeptByVersion<number>(8);
    let made = 0;
    let finish: (value: number) => void = () => undefined;
    const slow = () => {
      made++;
      return new Promise<number>((resolve) => (finish = resolve));
    };
    const answers = Promise.all([1, 2, 3].map(() => kept.of('june', 'v', slow)));
    await nextTurn();
    finish(4);
    expect(await answers).toEqual([4, 4, 4]);
    expect(made).toBe(1);
  });

  it('do not keep a value that failed: the next request makes it again', async () => {
    const kept = new KeptByVersion<number>(8);
    await expect(kept.of('june', 'v', () => Promise.reject(new Error('connection lost')))).rejects.toThrow(
      'connection lost',
    );
    expect(await kept.of('june', 'v', async () => 2)).toBe(2);
  });

  it('keep nothing without a version: every request makes its own', async () => {
    const kept = new KeptByVersion<number>(8);
    let made = 0;
    await kept.of('june', undefined, async () => ++made);
    await kept.of('june', undefined, async () => ++made);
    expect(made).toBe(2);
  });

  it('hold at most their capacity, dropping the value made longest ago', async () => {
    const kept = new KeptByVersion<string>(2);
    await kept.of('april', 'v', async () => 'april');
    await kept.of('may', 'v', async () => 'may');
    await kept.of('june', 'v', async () => 'june');
    expect(await kept.of('may', 'v', async () => 'may, made again')).toBe('may');
    expect(await kept.of('april', 'v', async () => 'april, made again')).toBe('april, made again');
  });
});

import { isSharedAnswer, SharedReads } from './shared-read';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('identical reads in the same turn share one answer', () => {
  it('reads once for every request of the turn that asks the same key, and answers each with that view', async () => {
    const reads = new SharedReads<{ n: number }>();
    let n = 0;
    const read = async () => ({ n: (n += 1) });
    const answers = await Promise.all([reads.answer('page 1', read), reads.answer('page 1', read)]);
    expect(n).toBe(1);
    expect(answers[0]).toBe(answers[1]);
    expect(isSharedAnswer(answers[0])).toBe(true);
  });

  it('reads each key of the turn for itself', async () => {
    const reads = new SharedReads<{ key: string }>();
    const asked: string[] = [];
    const read = (key: string) => async () => (asked.push(key), { key });
    const [one, other] = await Promise.all([reads.answer('a', read('a')), reads.answer('b', read('b'))]);
    expect(asked).toEqual(['a', 'b']);
    expect([one.key, other.key]).toEqual(['a', 'b']);
  });

  it('never joins a read that started before the request arrived: the next turn reads again', async () => {
    const reads = new SharedReads<{ n: number }>();
    let n = 0;
    let finish!: () => void;
    const slowRead = () => new Promise<{ n: number }>((resolve) => (finish = () => resolve({ n: (n += 1) })));
    const first = reads.answer('page 1', slowRead);
    await nextTurn();
    const second = reads.answer('page 1', async () => ({ n: (n += 1) }));
    finish();
    expect((await first).n).not.toBe((await second).n);
    expect(n).toBe(2);
  });

  it('gives a failed read to each request that shared it, and reads again for the next', async () => {
    const reads = new SharedReads<{ ok: true }>();
    const failing = async (): Promise<{ ok: true }> => {
      throw new Error('database down');
    };
    const results = await Promise.allSettled([reads.answer('k', failing), reads.answer('k', failing)]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    await expect(reads.answer('k', async () => ({ ok: true }))).resolves.toEqual({ ok: true });
  });

  it('marks nothing it did not hand out', () => {
    expect(isSharedAnswer({ n: 1 })).toBe(false);
    expect(isSharedAnswer(null)).toBe(false);
    expect(isSharedAnswer('text')).toBe(false);
  });
});

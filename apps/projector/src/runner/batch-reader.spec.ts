import { BatchReader } from './batch-reader';

/** A log of `batches` that records how far it has been asked to read. */
function source(batches: number[][], failAt?: number) {
  const log = { requested: 0, closed: false };
  async function* read(): AsyncGenerator<number[]> {
    try {
      for (const [index, batch] of batches.entries()) {
        log.requested = index + 1;
        if (index === failAt) throw new Error(`read ${index} failed`);
        yield batch;
      }
    } finally {
      log.closed = true;
    }
  }
  return { read: read(), log };
}

describe('a batch reader', () => {
  it('yields the batches in order, then nothing at the end of the log', async () => {
    const { read } = source([[1, 2], [3], [4, 5]]);
    const reader = new BatchReader(read);
    const seen: number[][] = [];
    for (let batch = await reader.next(); batch !== undefined; batch = await reader.next()) seen.push(batch);
    expect(seen).toEqual([[1, 2], [3], [4, 5]]);
    expect(await reader.next()).toBeUndefined();
  });

  it('has the next batch on its way while the current one is being written', async () => {
    const { read, log } = source([[1], [2], [3]]);
    const reader = new BatchReader(read);
    expect(await reader.next()).toEqual([1]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(log.requested).toBe(2);
  });

  it('drops a read ahead that failed when closed before it was needed, and closes the log', async () => {
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const { read, log } = source([[1], [2]], 1);
      const reader = new BatchReader(read);
      expect(await reader.next()).toEqual([1]);
      await new Promise((resolve) => setImmediate(resolve));
      await reader.close();
      expect(log.closed).toBe(true);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('reports a failed read to the caller that needs it', async () => {
    const { read } = source([[1], [2]], 1);
    const reader = new BatchReader(read);
    await reader.next();
    await expect(reader.next()).rejects.toThrow('read 1 failed');
  });

  it('closes a log it stopped reading in the middle', async () => {
    const { read, log } = source([[1], [2], [3]]);
    const reader = new BatchReader(read);
    await reader.next();
    await reader.close();
    expect(log.closed).toBe(true);
  });
});

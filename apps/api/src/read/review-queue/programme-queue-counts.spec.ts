import type { DataSource } from 'typeorm';
import type { ReviewQueueRoundCountView } from '../../views/review-queue.view';
import { ProgrammeQueueCounts } from './programme-queue-counts';

/**
 * The projection's version as the checkpoints table would answer it, through the read model's
 * pool as prepared reads use it; undefined: no checkpoint row yet.
 */
function database(version: () => string | undefined): { source: DataSource; names: unknown[] } {
  const names: unknown[] = [];
  const pool = {
    query: async ({ values }: { values: unknown[] }) => {
      names.push(values[0]);
      const current = version();
      return { rows: current === undefined ? [] : [{ version: current }] };
    },
  };
  const source = { driver: { master: pool } } as unknown as DataSource;
  return { source, names };
}

const june = (open: number): ReviewQueueRoundCountView[] => [
  { round: '2025-06', submitted: open, underReview: 0, overdue: 0 },
];

describe('The programme-wide queue counts', () => {
  it('are counted once while the queue’s projection has not committed since, and again once it has', async () => {
    let version = 'a:10:t1';
    const { source, names } = database(() => version);
    const counts = new ProgrammeQueueCounts(source);
    let counted = 0;
    const count = async () => june(++counted);
    expect(await counts.of('2025-07-25||', count)).toEqual(june(1));
    expect(await counts.of('2025-07-25||', count)).toEqual(june(1));
    expect(counted).toBe(1);
    version = 'b:12:t2';
    expect(await counts.of('2025-07-25||', count)).toEqual(june(2));
    expect(counted).toBe(2);
    expect(names).toEqual(['application_summaries', 'application_summaries', 'application_summaries']);
  });

  it('keeps each scope (filters, today) apart', async () => {
    const { source } = database(() => 'a:10:t1');
    const counts = new ProgrammeQueueCounts(source);
    expect(await counts.of('2025-07-25||', async () => june(5))).toEqual(june(5));
    expect(await counts.of('2025-07-26||', async () => june(7))).toEqual(june(7));
    expect(await counts.of('2025-07-25|2025-06|', async () => june(3))).toEqual(june(3));
    expect(await counts.of('2025-07-25||', async () => june(99))).toEqual(june(5));
  });

  it('shares one count among the requests that arrive while it runs', async () => {
    const { source } = database(() => 'a:10:t1');
    const counts = new ProgrammeQueueCounts(source);
    let counted = 0;
    let finish: (counts: ReviewQueueRoundCountView[]) => void = () => undefined;
    const slowCount = () => {
      counted++;
      return new Promise<ReviewQueueRoundCountView[]>((resolve) => (finish = resolve));
    };
    const answers = Promise.all([1, 2, 3].map(() => counts.of('2025-07-25||', slowCount)));
    await new Promise((resolve) => setImmediate(resolve));
    finish(june(4));
    expect(await answers).toEqual([june(4), june(4), june(4)]);
    expect(counted).toBe(1);
  });

  it('does not keep a count that failed: the next request counts again', async () => {
    const { source } = database(() => 'a:10:t1');
    const counts = new ProgrammeQueueCounts(source);
    await expect(
      counts.of('2025-07-25||', async () => Promise.reject(new Error('connection lost'))),
    ).rejects.toThrow('connection lost');
    expect(await counts.of('2025-07-25||', async () => june(2))).toEqual(june(2));
  });

  it('keeps nothing before the projection has a checkpoint: every request counts', async () => {
    const { source } = database(() => undefined);
    const counts = new ProgrammeQueueCounts(source);
    let counted = 0;
    await counts.of('2025-07-25||', async () => june(++counted));
    await counts.of('2025-07-25||', async () => june(++counted));
    expect(counted).toBe(2);
  });
});

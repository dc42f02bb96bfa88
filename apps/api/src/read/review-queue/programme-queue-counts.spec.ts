import type { ReviewQueueRoundCountView } from '../../views/review-queue.view';
import { SqlConditions } from '../sql-conditions';
import { ProgrammeQueueCounts } from './programme-queue-counts';

const june = (open: number): ReviewQueueRoundCountView[] => [
  { round: '2025-06', submitted: open, underReview: 0, overdue: 0 },
];

const VERSION = 'a:10:t1';

describe('The programme-wide queue counts', () => {
  it('read the version of the projection that writes the queue, as a column of the page’s statement', () => {
    const page = new SqlConditions().where('q.round = $1');
    page.value('2025-06');
    const column = ProgrammeQueueCounts.versionColumn(page);
    expect(column).toContain('FROM projection_checkpoints c WHERE c.name = $2');
    expect(page.values).toEqual(['2025-06', 'application_summaries']);
  });

  it('are counted once while the queue’s projection has not committed since, and again once it has', async () => {
    const counts = new ProgrammeQueueCounts();
    let counted = 0;
    const count = async () => june(++counted);
    expect(await counts.of('2025-07-25||', 'a:10:t1', count)).toEqual(june(1));
    expect(await counts.of('2025-07-25||', 'a:10:t1', count)).toEqual(june(1));
    expect(counted).toBe(1);
    expect(await counts.of('2025-07-25||', 'b:12:t2', count)).toEqual(june(2));
    expect(counted).toBe(2);
  });

  it('keeps each scope (filters, today) apart', async () => {
    const counts = new ProgrammeQueueCounts();
    expect(await counts.of('2025-07-25||', VERSION, async () => june(5))).toEqual(june(5));
    expect(await counts.of('2025-07-26||', VERSION, async () => june(7))).toEqual(june(7));
    expect(await counts.of('2025-07-25|2025-06|', VERSION, async () => june(3))).toEqual(june(3));
    expect(await counts.of('2025-07-25||', VERSION, async () => june(99))).toEqual(june(5));
  });

  it('shares one count among the requests that arrive while it runs', async () => {
    const counts = new ProgrammeQueueCounts();
    let counted = 0;
    let finish: (counts: ReviewQueueRoundCountView[]) => void = () => undefined;
    const slowCount = () => {
      counted++;
      return new Promise<ReviewQueueRoundCountView[]>((resolve) => (finish = resolve));
    };
    const answers = Promise.all([1, 2, 3].map(() => counts.of('2025-07-25||', VERSION, slowCount)));
    await new Promise((resolve) => setImmediate(resolve));
    finish(june(4));
    expect(await answers).toEqual([june(4), june(4), june(4)]);
    expect(counted).toBe(1);
  });

  it('does not keep a count that failed: the next request counts again', async () => {
    const counts = new ProgrammeQueueCounts();
    await expect(
      counts.of('2025-07-25||', VERSION, async () => Promise.reject(new Error('connection lost'))),
    ).rejects.toThrow('connection lost');
    expect(await counts.of('2025-07-25||', VERSION, async () => june(2))).toEqual(june(2));
  });

  it('keeps nothing before the projection has a checkpoint: every request counts', async () => {
    const counts = new ProgrammeQueueCounts();
    let counted = 0;
    await counts.of('2025-07-25||', undefined, async () => june(++counted));
    await counts.of('2025-07-25||', undefined, async () => june(++counted));
    expect(counted).toBe(2);
  });
});

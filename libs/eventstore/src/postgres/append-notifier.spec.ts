import type { Pool } from 'pg';
import { AppendNotifier } from './append-notifier';

/** A pool whose NOTIFYs stay in flight until the spec answers them. */
function fakePool() {
  const inFlight: Array<() => void> = [];
  const pool = {
    query: jest.fn(() => new Promise<void>((resolve) => inFlight.push(resolve))),
  };
  const answer = async () => {
    inFlight.shift()?.();
    await Promise.resolve();
    await Promise.resolve();
  };
  return { pool: pool as unknown as Pool, sent: () => pool.query.mock.calls.length, answer };
}

describe('AppendNotifier', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('announces the first append after a quiet spell at once', () => {
    const { pool, sent } = fakePool();
    new AppendNotifier(pool, 20).appended();
    expect(sent()).toBe(1);
  });

  it('lets the appends during a NOTIFY and the interval after it share one NOTIFY at the end of the interval', async () => {
    const { pool, sent, answer } = fakePool();
    const notifier = new AppendNotifier(pool, 20);
    notifier.appended();
    notifier.appended();
    await answer();
    notifier.appended();
    jest.advanceTimersByTime(19);
    expect(sent()).toBe(1);
    jest.advanceTimersByTime(1);
    expect(sent()).toBe(2);
    await answer();
    jest.advanceTimersByTime(20);
    expect(sent()).toBe(2);
  });

  it('announces at once again once the interval has passed without appends', async () => {
    const { pool, sent, answer } = fakePool();
    const notifier = new AppendNotifier(pool, 20);
    notifier.appended();
    await answer();
    jest.advanceTimersByTime(20);
    notifier.appended();
    expect(sent()).toBe(2);
  });

  it('on close, sends the NOTIFY still owed and waits for it', async () => {
    const { pool, sent, answer } = fakePool();
    const notifier = new AppendNotifier(pool, 20);
    notifier.appended();
    await answer();
    notifier.appended();
    let closed = false;
    const closing = notifier.close().then(() => (closed = true));
    expect(sent()).toBe(2);
    await answer();
    jest.advanceTimersByTime(5);
    await closing;
    expect(closed).toBe(true);
    notifier.appended();
    expect(sent()).toBe(2);
  });
});

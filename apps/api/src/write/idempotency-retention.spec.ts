import { Logger } from '@nestjs/common';
import {
  IDEMPOTENCY_FIRST_SWEEP_MS,
  IDEMPOTENCY_SWEEP_INTERVAL_MS,
  IdempotencyRetention,
} from './idempotency-retention';
import type { IdempotencyService } from './idempotency.service';

describe('the idempotency records’ sweep in each API process', () => {
  let sweeps: number;
  let retention: IdempotencyRetention;
  let failing: boolean;

  beforeEach(() => {
    jest.useFakeTimers();
    sweeps = 0;
    failing = false;
    const idempotency = {
      forgetExpired: async () => {
        sweeps += 1;
        if (failing) throw new Error('connection refused');
        return 0;
      },
    } as unknown as IdempotencyService;
    retention = new IdempotencyRetention(idempotency);
    jest.spyOn(Math, 'random').mockReturnValue(0.5);
  });

  afterEach(() => {
    jest.restoreAllMocks();
    jest.useRealTimers();
  });

  it('sweeps a minute or two after start, so a process restarted often still sweeps, then every hour', async () => {
    retention.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(IDEMPOTENCY_FIRST_SWEEP_MS);
    expect(sweeps).toBe(0);
    await jest.advanceTimersByTimeAsync(IDEMPOTENCY_FIRST_SWEEP_MS / 2);
    expect(sweeps).toBe(1);
    await jest.advanceTimersByTimeAsync(IDEMPOTENCY_SWEEP_INTERVAL_MS);
    expect(sweeps).toBe(2);
    await jest.advanceTimersByTimeAsync(IDEMPOTENCY_SWEEP_INTERVAL_MS);
    expect(sweeps).toBe(3);
    await retention.onApplicationShutdown();
  });

  it('says when a sweep failed, keeps sweeping, and never sweeps after shutdown', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    failing = true;
    retention.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(2 * IDEMPOTENCY_FIRST_SWEEP_MS);
    expect(sweeps).toBe(1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('connection refused'));
    failing = false;
    await jest.advanceTimersByTimeAsync(IDEMPOTENCY_SWEEP_INTERVAL_MS);
    expect(sweeps).toBe(2);
    await retention.onApplicationShutdown();
    await jest.advanceTimersByTimeAsync(10 * IDEMPOTENCY_SWEEP_INTERVAL_MS);
    expect(sweeps).toBe(2);
  });
});

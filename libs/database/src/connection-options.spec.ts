import { loadConfig } from '@l10k/config';
import { readModelConnectionOptions } from './connection-options';

describe("the read models' connection", () => {
  const options = readModelConnectionOptions(
    loadConfig({ DATABASE_URL: 'postgres://reader@127.0.0.1:5432/l10k' }),
    { poolSize: 7 },
  ) as { extra: Record<string, unknown> };

  it("keeps pooled connections (and the statements prepared on them) through a lull of minutes, not pg's 10 s", () => {
    expect(options.extra.idleTimeoutMillis).toBe(300_000);
    expect(options.extra.max).toBe(7);
  });

  it('never keeps a process alive with idle connections alone', () => {
    expect(options.extra.allowExitOnIdle).toBe(true);
  });

  it("lets PostgreSQL plan each statement for what it carries, unless asked for the API's generic plans", () => {
    expect(options.extra.options).toBeUndefined();
    const api = readModelConnectionOptions(
      loadConfig({ DATABASE_URL: 'postgres://reader@127.0.0.1:5432/l10k' }),
      { genericPlans: true },
    ) as { extra: Record<string, unknown> };
    expect(api.extra.options).toBe('-c plan_cache_mode=force_generic_plan');
    expect(api.extra.max).toBe(10);
  });
});

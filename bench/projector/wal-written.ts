import type { DataSource } from 'typeorm';

/** What the server wrote to its write-ahead log while some work ran, and the checkpoints it made meanwhile. */
export interface WalWritten {
  readonly megabytes: number;
  /** Whole pages logged because a checkpoint came since each was last changed (full_page_writes). */
  readonly fullPageImages: number;
  readonly checkpoints: number;
}

interface WalCounters {
  readonly bytes: bigint;
  readonly fullPageImages: bigint;
  readonly checkpoints: bigint;
}

/**
 * pg_stat_wal's counters and the checkpointer's (pg_stat_checkpointer, PostgreSQL 17 and
 * later: the embedded server's). Cluster-wide: in the benchmark nothing else writes.
 */
async function walCounters(dataSource: DataSource): Promise<WalCounters> {
  const [row] = (await dataSource.query(
    `SELECT w.wal_bytes::text AS bytes, w.wal_fpi::text AS fpi,
            (c.num_timed + c.num_requested)::text AS checkpoints
       FROM pg_stat_wal w, pg_stat_checkpointer c`,
  )) as Array<{ bytes: string; fpi: string; checkpoints: string }>;
  return { bytes: BigInt(row.bytes), fullPageImages: BigInt(row.fpi), checkpoints: BigInt(row.checkpoints) };
}

/** Starts counting; `stop` gives what was written since. */
export class WalMeter {
  private constructor(
    private readonly dataSource: DataSource,
    private readonly before: WalCounters,
  ) {}

  static async start(dataSource: DataSource): Promise<WalMeter> {
    return new WalMeter(dataSource, await walCounters(dataSource));
  }

  async stop(): Promise<WalWritten> {
    const after = await walCounters(this.dataSource);
    return {
      megabytes: Number((after.bytes - this.before.bytes) / 1_000_000n),
      fullPageImages: Number(after.fullPageImages - this.before.fullPageImages),
      checkpoints: Number(after.checkpoints - this.before.checkpoints),
    };
  }
}

import type { EventStore, RecordedEvent } from '@l10k/eventstore';
import {
  projectionLag,
  type CheckpointStore,
  type Projection,
  type ProjectionLag,
  type ProjectionLagOptions,
} from '@l10k/read-model';
import { applyBatch } from './apply-batch';
import { LiveWake } from './live-wake';
import { liveBinding, shadowBinding, type ProjectionBinding } from './projection-binding';

export interface RunnerLogger {
  log(message: string): void;
  error(message: string, error: unknown): void;
}

export interface ProjectionRunnerOptions {
  readonly store: EventStore;
  /** Where each projection stands; PostgresCheckpointStore beside the read models. */
  readonly checkpoints: CheckpointStore;
  readonly projections: readonly Projection[];
  /** Events per read and per transaction. */
  readonly batchSize?: number;
  /** `rebuild` writes the shadow tables and checkpoints (see projection-binding.ts). */
  readonly target?: 'live' | 'rebuild';
  /** Called after each committed batch. */
  readonly onBatch?: (projection: string, events: readonly RecordedEvent[]) => void;
  readonly logger?: RunnerLogger;
  /** Longest a live loop sleeps without a wake-up from the subscription. */
  readonly idlePollMs?: number;
}

/** Small enough that a live batch's transaction (which holds back the store's visible frontier) stays short. */
const DEFAULT_BATCH_SIZE = 250;
const DEFAULT_IDLE_POLL_MS = 1_000;
const MAX_RETRY_DELAY_MS = 5_000;

const silentLogger: RunnerLogger = { log: () => undefined, error: () => undefined };

/**
 * Folds the event log into the read models (DESIGN.md, "Projections"). Each projection
 * has its own loop and checkpoint: it reads the log in global order from its checkpoint
 * and commits each batch together with the checkpoint's compare-and-set (apply-batch.ts).
 * At-least-once and idempotent; only the EventStore port is used, so both adapters work.
 */
export class ProjectionRunner {
  private readonly bindings: readonly ProjectionBinding[];
  private readonly batchSize: number;
  private readonly logger: RunnerLogger;
  private wake?: LiveWake;
  private loops: Promise<void>[] = [];
  private stopping = false;

  constructor(private readonly options: ProjectionRunnerOptions) {
    const bind = options.target === 'rebuild' ? shadowBinding : liveBinding;
    this.bindings = options.projections.map(bind);
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.logger = options.logger ?? silentLogger;
  }

  /**
   * Processes every projection up to the log's current end, then resolves. A failure stops
   * the other projections after their current transaction, then rejects.
   */
  async catchUp(): Promise<void> {
    const halt = { requested: false };
    const results = await Promise.allSettled(
      this.bindings.map((binding) =>
        this.catchUpOne(binding, halt).catch((error: unknown) => {
          halt.requested = true;
          throw error;
        }),
      ),
    );
    const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /** Runs the live loops (catch-up, then follow the log) until `stop`. */
  start(): void {
    if (this.wake !== undefined) return;
    this.stopping = false;
    const wake = new LiveWake(this.options.store, (error) =>
      this.logger.error('event subscription failed; polling until it resumes', error),
    );
    this.wake = wake;
    this.loops = this.bindings.map((binding) => this.follow(binding, wake));
  }

  /** Lets each loop finish the transaction it is in, then returns. */
  async stop(): Promise<void> {
    this.stopping = true;
    const wake = this.wake;
    this.wake = undefined;
    await wake?.close();
    await Promise.all(this.loops);
    this.loops = [];
  }

  /** Where each projection stands and how long its oldest unprocessed event has waited. */
  lag(options: ProjectionLagOptions = {}): Promise<ProjectionLag[]> {
    return projectionLag(
      this.options.store,
      this.options.checkpoints,
      this.bindings.map((binding) => binding.checkpointName),
      options,
    );
  }

  private async catchUpOne(binding: ProjectionBinding, halt = { requested: false }): Promise<string | null> {
    const { store, checkpoints, onBatch } = this.options;
    let { checkpoint } = await checkpoints.position(binding.checkpointName);
    for (;;) {
      let moved = false;
      for await (const batch of store.readAll({ from: checkpoint ?? undefined, batchSize: this.batchSize })) {
        if (this.stopping || halt.requested) return checkpoint;
        if (!(await applyBatch(checkpoints, binding, checkpoint, batch))) {
          moved = true;
          break;
        }
        checkpoint = batch[batch.length - 1].checkpoint;
        onBatch?.(binding.projection.name, batch);
      }
      if (!moved) return checkpoint;
      // Another runner (or a rebuild's switch) moved the checkpoint: go on from where it is now.
      ({ checkpoint } = await checkpoints.position(binding.checkpointName));
    }
  }

  private async follow(binding: ProjectionBinding, wake: LiveWake): Promise<void> {
    const idlePollMs = this.options.idlePollMs ?? DEFAULT_IDLE_POLL_MS;
    let failures = 0;
    while (!this.stopping) {
      const seen = wake.generation;
      try {
        const checkpoint = await this.catchUpOne(binding);
        failures = 0;
        await wake.wait(seen, idlePollMs, checkpoint);
      } catch (error) {
        failures += 1;
        this.logger.error(
          `projection ${binding.projection.name} failed (attempt ${failures}); retrying from its checkpoint`,
          error,
        );
        await wake.sleep(Math.min(100 * 2 ** failures, MAX_RETRY_DELAY_MS));
      }
    }
  }
}

import type { EventStore, RecordedEvent } from '@l10k/eventstore';
import {
  projectionLag,
  type CheckpointStore,
  type Projection,
  type ProjectionLag,
  type ProjectionLagOptions,
} from '@l10k/read-model';
import { applyBatch } from './apply-batch';
import { BatchReader } from './batch-reader';
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
  /** Called after each committed batch of a projection, with the events it moved its checkpoint over. */
  readonly onBatch?: (projection: string, events: readonly RecordedEvent[]) => void;
  readonly logger?: RunnerLogger;
  /** Longest a live loop sleeps without a wake-up from the subscription. */
  readonly idlePollMs?: number;
}

/**
 * Small enough that a live batch's transactions stay short: an open writing transaction holds
 * back the store's visible frontier for every reader of the cluster (postgres-read.ts).
 */
const DEFAULT_BATCH_SIZE = 250;
const DEFAULT_IDLE_POLL_MS = 1_000;
const MAX_RETRY_DELAY_MS = 5_000;

const silentLogger: RunnerLogger = { log: () => undefined, error: () => undefined };

/** Where each binding stands, as far as this runner knows (a failed compare-and-set corrects it). */
type Positions = Map<ProjectionBinding, string | null>;

/** What a pass over the log left behind: the bindings that failed, with their errors. */
type Failures = Map<ProjectionBinding, unknown>;

interface Backoff {
  readonly failures: number;
  readonly until: number;
}

/**
 * Folds the event log into the read models (DESIGN.md, "Projections"). The log is read
 * once for all projections: each batch is offered to every projection that stands where
 * the batch starts (or inside it), and each commits its part together with its own
 * checkpoint's compare-and-set, in its own transaction (apply-batch.ts), all of them at
 * once. A projection that stands elsewhere (after a rebuild of it alone, a crash between
 * two commits, another runner) is read for separately until it meets the others.
 * At-least-once and idempotent; only the EventStore port is used, so both adapters work.
 */
export class ProjectionRunner {
  private readonly bindings: readonly ProjectionBinding[];
  private readonly batchSize: number;
  private readonly logger: RunnerLogger;
  private wake?: LiveWake;
  private loop?: Promise<void>;
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
    const positions = await this.positionsOf(this.bindings);
    const failures = await this.pass(this.bindings, positions, { haltOnFailure: true });
    const [failure] = failures.values();
    if (failures.size > 0) throw failure;
  }

  /** Runs the live loop (catch-up, then follow the log) until `stop`. */
  start(): void {
    if (this.wake !== undefined) return;
    this.stopping = false;
    const wake = new LiveWake(this.options.store, (error) =>
      this.logger.error('event subscription failed; polling until it resumes', error),
    );
    this.wake = wake;
    this.loop = this.follow(wake);
  }

  /** Lets each projection finish the transaction it is in, then returns. */
  async stop(): Promise<void> {
    this.stopping = true;
    const wake = this.wake;
    this.wake = undefined;
    await wake?.close();
    await this.loop;
    this.loop = undefined;
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

  private async positionsOf(bindings: readonly ProjectionBinding[]): Promise<Positions> {
    const { checkpoints } = this.options;
    const standing = await Promise.all(
      bindings.map((binding) => checkpoints.position(binding.checkpointName)),
    );
    return new Map(bindings.map((binding, index) => [binding, standing[index].checkpoint]));
  }

  /**
   * Takes every one of `bindings` to the end of the log. Bindings that stand at the same
   * checkpoint share one read; each read also takes in the bindings whose checkpoint it passes.
   */
  private async pass(
    bindings: readonly ProjectionBinding[],
    positions: Positions,
    { haltOnFailure }: { haltOnFailure: boolean },
  ): Promise<Failures> {
    const failures: Failures = new Map();
    const waiting = new Set(bindings);
    while (waiting.size > 0 && !this.stopping) {
      const [first] = waiting;
      const from = positions.get(first) ?? null;
      const group = new Set([...waiting].filter((binding) => positions.get(binding) === from));
      for (const binding of group) waiting.delete(binding);
      await this.readFor(from, group, { waiting, positions, failures, haltOnFailure });
      if (haltOnFailure && failures.size > 0) break;
    }
    return failures;
  }

  /**
   * Reads the log from `from` to its end and offers each batch to the group, all of its
   * members at once, and to every waiting binding that stands where the batch starts or
   * inside it. A member that finds its checkpoint moved (another runner, a switch) goes
   * back to `waiting` from where it now stands; one that fails leaves with its error
   * (and, when `haltOnFailure`, the others stop after this batch).
   */
  private async readFor(
    from: string | null,
    group: Set<ProjectionBinding>,
    pass: {
      readonly waiting: Set<ProjectionBinding>;
      readonly positions: Positions;
      readonly failures: Failures;
      readonly haltOnFailure: boolean;
    },
  ): Promise<void> {
    const { waiting, positions, failures, haltOnFailure } = pass;
    const { store, checkpoints, onBatch } = this.options;
    const reader = new BatchReader(store.readAll({ from: from ?? undefined, batchSize: this.batchSize }));
    let batchFrom = from;
    try {
      for (let batch = await reader.next(); batch !== undefined; batch = await reader.next()) {
        if (this.stopping) return;
        const inside = new Map(batch.map((event, index) => [event.checkpoint, index]));
        for (const binding of [...waiting]) {
          const position = positions.get(binding) ?? null;
          if (position !== batchFrom && !inside.has(position ?? '')) continue;
          waiting.delete(binding);
          group.add(binding);
        }
        const members = [...group];
        const results = await Promise.allSettled(
          members.map(async (binding) => {
            const expected = positions.get(binding) ?? null;
            const events = expected === batchFrom ? batch : batch.slice(inside.get(expected ?? '')! + 1);
            if (events.length === 0) return;
            if (await applyBatch(checkpoints, binding, expected, events)) {
              positions.set(binding, events[events.length - 1].checkpoint);
              onBatch?.(binding.projection.name, events);
              return;
            }
            group.delete(binding);
            positions.set(binding, (await checkpoints.position(binding.checkpointName)).checkpoint);
            waiting.add(binding);
          }),
        );
        results.forEach((result, index) => {
          if (result.status === 'fulfilled') return;
          group.delete(members[index]);
          waiting.delete(members[index]);
          failures.set(members[index], result.reason);
        });
        if (haltOnFailure && failures.size > 0) return;
        batchFrom = batch[batch.length - 1].checkpoint;
        // A member that lost the batch to another runner stands where that runner left it,
        // usually the end of this batch: it races for the next one from the same read.
        const ahead = [...waiting].some((binding) => positions.get(binding) === batchFrom);
        if (group.size === 0 && !ahead) return;
      }
    } finally {
      await reader.close();
    }
  }

  private async follow(wake: LiveWake): Promise<void> {
    const idlePollMs = this.options.idlePollMs ?? DEFAULT_IDLE_POLL_MS;
    const backoff = new Map<ProjectionBinding, Backoff>();
    let positions: Positions = new Map();
    while (!this.stopping) {
      const seen = wake.generation;
      const now = Date.now();
      const ready = this.bindings.filter((binding) => (backoff.get(binding)?.until ?? 0) <= now);
      let failures: Failures;
      try {
        // Known positions are kept between passes: a compare-and-set that fails corrects them.
        const unknown = ready.filter((binding) => !positions.has(binding));
        if (unknown.length > 0) positions = new Map([...positions, ...(await this.positionsOf(unknown))]);
        failures = await this.pass(ready, positions, { haltOnFailure: false });
      } catch (error) {
        failures = new Map(ready.map((binding) => [binding, error]));
      }
      for (const binding of ready) if (!failures.has(binding)) backoff.delete(binding);
      for (const [binding, error] of failures) {
        const attempt = (backoff.get(binding)?.failures ?? 0) + 1;
        this.logger.error(
          `projection ${binding.projection.name} failed (attempt ${attempt}); retrying from its checkpoint`,
          error,
        );
        backoff.set(binding, {
          failures: attempt,
          until: Date.now() + Math.min(100 * 2 ** attempt, MAX_RETRY_DELAY_MS),
        });
        // Its next pass starts from the checkpoint as stored.
        positions.delete(binding);
      }
      const retryIn = Math.min(...[...backoff.values()].map(({ until }) => until - Date.now()));
      const resumeFrom = positions.get(this.bindings[0]) ?? null;
      await wake.wait(seen, Math.max(0, Math.min(idlePollMs, retryIn)), resumeFrom);
    }
  }
}

import type { EventStore, ProjectedEvent } from '@l10k/eventstore';
import {
  handledEvents,
  projectionLag,
  type CheckpointStore,
  type Projection,
  type ProjectionLag,
  type ProjectionLagOptions,
} from '@l10k/read-model';
import { applyBatch, applyBatchTogether, type BatchStep as Step } from './apply-batch';
import { BatchReader } from './batch-reader';
import { LiveWake } from './live-wake';
import { withFirstStatistics } from './first-statistics';
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
  readonly onBatch?: (projection: string, events: readonly ProjectedEvent[]) => void;
  readonly logger?: RunnerLogger;
  /** Longest a live loop sleeps without a wake-up from the store's watch. */
  readonly idlePollMs?: number;
  /** Longest the live loop defers the checkpoint move of a projection with nothing to do (DEFERRED_MOVE_MS). */
  readonly deferredMoveMs?: number;
}

/**
 * Small enough that a live batch's transactions stay short: an open writing transaction holds
 * back the store's visible frontier for every reader of the cluster (postgres-read.ts).
 */
const DEFAULT_BATCH_SIZE = 250;
const DEFAULT_IDLE_POLL_MS = 1_000;
/**
 * After a pass that moved some projection the loop looks again this soon, then at doubling
 * intervals (up to idlePollMs) while the looks find nothing, as `subscribe` polls: while
 * writes keep coming, more are often committed already (notifications are coalesced and can
 * queue behind the writer's own appends) or become visible as an older transaction ends
 * (postgres-read.ts), with no wake-up of their own.
 */
const LOOK_AGAIN_MS = 10;
const MAX_RETRY_DELAY_MS = 5_000;
/**
 * The live loop moves the checkpoint of a projection that had nothing in a batch (the budgets
 * in almost every batch, the round statistics in a batch of creations) with its next batch
 * that does have something, or once the oldest such move has waited this long: one statement
 * saved per projection and batch, and /health/ready's lag (from the stored checkpoints) stays
 * within about this much of the truth. A move not yet made only means those events, all
 * ignored by the projection, are read again after a crash.
 */
const DEFERRED_MOVE_MS = 1_000;
/**
 * How far a projection may run ahead of the slowest of those reading the same batches. The
 * batches held meanwhile are what it costs in memory. 1M-event rebuilds alternating 2 and 4
 * (held database, 2,000-event batches): 19,091/19,709 -> 20,029/20,102 events/s, peak RSS
 * 233 -> 238 MB: the quick projections' writes fill the time the slow one's fold leaves idle.
 */
const MAX_BATCHES_AHEAD = 4;

const silentLogger: RunnerLogger = { log: () => undefined, error: () => undefined };

/** Where each binding stands, as far as this runner knows (a failed compare-and-set corrects it). */
type Positions = Map<ProjectionBinding, string | null>;

/** What a pass over the log left behind: the bindings that failed, with their errors. */
type Failures = Map<ProjectionBinding, unknown>;

interface Backoff {
  readonly failures: number;
  readonly until: number;
}

/** A binding's checkpoint as stored, and the events it has since passed over with nothing to do. */
interface DeferredMove {
  readonly stored: string | null;
  readonly events: ProjectedEvent[];
  readonly since: number;
}

interface PassOptions {
  readonly haltOnFailure: boolean;
  /** Live only: a batch with nothing for a projection does not move its checkpoint at once. */
  readonly deferEmptyMoves: boolean;
}

/**
 * Folds the event log into the read models (DESIGN.md, "Projections"). The log is read
 * once for all projections: each batch is offered to every projection that stands where
 * the batch starts (or inside it), and each commits its part together with its own
 * checkpoint's compare-and-set (apply-batch.ts): in a catch-up pass each in its own
 * transaction, all of them at once; in the live loop all the parts of a batch in one
 * transaction, each projection's own only if that one fails. A projection that stands elsewhere (after a rebuild of it alone, a crash between
 * two commits, another runner) is read for separately until it meets the others.
 * At-least-once and idempotent; only the EventStore port is used, so both adapters work.
 */
export class ProjectionRunner {
  private readonly bindings: readonly ProjectionBinding[];
  private readonly batchSize: number;
  private readonly deferredMoveMs: number;
  private readonly logger: RunnerLogger;
  private wake?: LiveWake;
  private loop?: Promise<void>;
  private stopping = false;
  private readonly deferred = new Map<ProjectionBinding, DeferredMove>();

  constructor(private readonly options: ProjectionRunnerOptions) {
    const bind =
      options.target === 'rebuild'
        ? (projection: Projection) => withFirstStatistics(shadowBinding(projection))
        : liveBinding;
    this.bindings = options.projections.map(bind);
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.deferredMoveMs = options.deferredMoveMs ?? DEFERRED_MOVE_MS;
    this.logger = options.logger ?? silentLogger;
  }

  /**
   * Processes every projection up to the log's current end, then resolves. A failure stops
   * the other projections after their current transaction, then rejects.
   */
  async catchUp(): Promise<void> {
    const positions = await this.positionsOf(this.bindings);
    const failures = await this.pass(this.bindings, positions, {
      haltOnFailure: true,
      deferEmptyMoves: false,
    });
    const [failure] = failures.values();
    if (failures.size > 0) throw failure;
  }

  /** Runs the live loop (catch-up, then follow the log) until `stop`. */
  start(): void {
    if (this.wake !== undefined) return;
    this.stopping = false;
    const wake = new LiveWake(this.options.store, (error) =>
      this.logger.error('event store watch failed; polling until it resumes', error),
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
    options: PassOptions,
  ): Promise<Failures> {
    const failures: Failures = new Map();
    const waiting = new Set(bindings);
    while (waiting.size > 0 && !this.stopping) {
      const [first] = waiting;
      const from = positions.get(first) ?? null;
      const group = new Set([...waiting].filter((binding) => positions.get(binding) === from));
      for (const binding of group) waiting.delete(binding);
      await this.readFor(from, group, { waiting, positions, failures, ...options });
      if (options.haltOnFailure && failures.size > 0) break;
    }
    return failures;
  }

  /**
   * Reads the log from `from` to its end and offers each batch to the group, and to every
   * waiting binding that stands where the batch starts or inside it. In a catch-up pass each
   * member applies its batches one after another, in its own transactions, at its own pace: a
   * member may run up to MAX_BATCHES_AHEAD batches ahead of the slowest, so the quick
   * projections do not wait for the slow one at every batch. Live, the members apply each
   * batch together, in one transaction. A member that finds its checkpoint moved (another runner,
   * a switch) goes back to `waiting` from where it now stands; one that fails leaves with its
   * error (and, when `haltOnFailure`, the others stop before their next batch).
   */
  private async readFor(
    from: string | null,
    group: Set<ProjectionBinding>,
    pass: {
      readonly waiting: Set<ProjectionBinding>;
      readonly positions: Positions;
      readonly failures: Failures;
    } & PassOptions,
  ): Promise<void> {
    const { waiting, positions, failures, haltOnFailure, deferEmptyMoves } = pass;
    const { store, checkpoints, onBatch } = this.options;
    const reader = new BatchReader(
      store.readAllProjected({ from: from ?? undefined, batchSize: this.batchSize }),
    );
    const halted = (): boolean => this.stopping || (haltOnFailure && failures.size > 0);
    // A member's batches, chained; its turn changes when it leaves, so batches queued before are skipped.
    const queues = new Map<ProjectionBinding, Promise<void>>();
    // The batches in a member's chain not yet applied, in order: the one after a member's current
    // batch is offered to it to prepare while the current one is written (Projection.project).
    const queued = new Map<ProjectionBinding, Array<readonly ProjectedEvent[]>>();
    const turns = new Map<ProjectionBinding, number>();
    const leave = (binding: ProjectionBinding): void => {
      group.delete(binding);
      turns.set(binding, (turns.get(binding) ?? 0) + 1);
    };
    // Live: the batches' shared transactions, chained (see below).
    let together: Promise<unknown> = Promise.resolve();
    const settledBatches: Array<Promise<unknown>> = [];
    let batchFrom = from;
    try {
      for (let batch = await reader.next(); batch !== undefined; batch = await reader.next()) {
        if (halted()) return;
        const start = batchFrom;
        const inside = new Map(batch.map((event, index) => [event.checkpoint, index]));
        for (const binding of [...waiting]) {
          const position = positions.get(binding) ?? null;
          if (position !== start && !inside.has(position ?? '')) continue;
          waiting.delete(binding);
          group.add(binding);
        }
        const read = batch;
        // What `binding` commits of this batch, if anything: undefined when the batch holds
        // nothing new for it, or nothing it handles and the move is deferred (live only).
        const prepare = (binding: ProjectionBinding, turn: number): Step | undefined => {
          if (turns.get(binding) !== turn || halted()) return undefined;
          const expected = positions.get(binding) ?? null;
          const at = expected === start ? -1 : inside.get(expected ?? '');
          if (at === undefined)
            throw new Error(`projection ${binding.projection.name} lost its place in the log`);
          const events = at === -1 ? read : read.slice(at + 1);
          if (events.length === 0) return undefined;
          const last = events[events.length - 1].checkpoint;
          // The deferred moves are the live loop's own: a catch-up pass neither uses nor makes them.
          const held = deferEmptyMoves ? this.deferred.get(binding) : undefined;
          // A long pass (catching up after a pause) makes its deferred moves as it goes.
          const overdue =
            held !== undefined &&
            (Date.now() - held.since >= this.deferredMoveMs || held.events.length >= this.batchSize);
          // handledEvents also refuses an unknown event type here, before anything is deferred.
          if (deferEmptyMoves && !overdue && handledEvents(binding.projection, events).length === 0) {
            this.deferred.set(binding, {
              stored: held === undefined ? expected : held.stored,
              events: [...(held?.events ?? []), ...events],
              since: held?.since ?? Date.now(),
            });
            positions.set(binding, last);
            return undefined;
          }
          // The compare-and-set is on the checkpoint as stored, across the moves deferred since.
          if (held !== undefined) this.deferred.delete(binding);
          return {
            binding,
            from: held === undefined ? expected : held.stored,
            events: held === undefined ? events : [...held.events, ...events],
          };
        };
        // After the commit (or its refusal): a member that lost the batch to another runner
        // rereads its checkpoint and goes back to waiting.
        const settle = async ({ binding, events }: Step, moved: boolean): Promise<void> => {
          if (moved) {
            positions.set(binding, events[events.length - 1].checkpoint);
            onBatch?.(binding.projection.name, events);
            return;
          }
          leave(binding);
          positions.set(binding, (await checkpoints.position(binding.checkpointName)).checkpoint);
          waiting.add(binding);
        };
        const fail = (binding: ProjectionBinding, error: unknown): void => {
          leave(binding);
          waiting.delete(binding);
          failures.set(binding, error);
        };
        const applyAlone = async (step: Step, next?: readonly ProjectedEvent[]): Promise<void> => {
          try {
            await settle(
              step,
              await applyBatch(checkpoints, step.binding, step.from, step.events, store, next),
            );
          } catch (error) {
            fail(step.binding, error);
          }
        };
        if (deferEmptyMoves) {
          // Live: the members' parts of a batch are ONE transaction (a live batch is small, and
          // per-transaction costs, not the writes, dominate it). If it fails, each part is tried
          // again in its own transaction, so a failing projection does not hold back the others.
          const members = [...group].map((binding) => [binding, turns.get(binding) ?? 0] as const);
          for (const [binding, turn] of members) turns.set(binding, turn);
          together = together.then(async () => {
            const steps: Step[] = [];
            for (const [binding, turn] of members) {
              try {
                const step = prepare(binding, turn);
                if (step !== undefined) steps.push(step);
              } catch (error) {
                fail(binding, error);
              }
            }
            if (steps.length <= 1) return Promise.all(steps.map((step) => applyAlone(step)));
            let moved: boolean[];
            try {
              moved = await applyBatchTogether(checkpoints, steps, store);
            } catch {
              return Promise.all(steps.map((step) => applyAlone(step)));
            }
            return Promise.all(
              steps.map((step, index) =>
                settle(step, moved[index]).catch((error: unknown) => fail(step.binding, error)),
              ),
            );
          });
        } else {
          for (const binding of group) {
            const turn = turns.get(binding) ?? 0;
            turns.set(binding, turn);
            const chained = queued.get(binding) ?? [];
            queued.set(binding, chained);
            chained.push(read);
            queues.set(
              binding,
              (queues.get(binding) ?? Promise.resolve())
                .then(async () => {
                  chained.shift();
                  const step = prepare(binding, turn);
                  if (step !== undefined) await applyAlone(step, chained[0]);
                })
                .catch((error: unknown) => fail(binding, error)),
            );
          }
        }
        settledBatches.push(Promise.all([...queues.values(), together]));
        // Batches are held until every member has applied them: at most this many at once.
        if (settledBatches.length > MAX_BATCHES_AHEAD) await settledBatches.shift();
        batchFrom = batch[batch.length - 1].checkpoint;
        // A member that lost the batch to another runner stands where that runner left it,
        // usually the end of this batch: it races for the next one from the same read.
        const ahead = [...waiting].some((binding) => positions.get(binding) === batchFrom);
        if (group.size === 0 && !ahead) return;
      }
    } finally {
      await Promise.all([...queues.values(), together]);
      await reader.close();
    }
  }

  private async follow(wake: LiveWake): Promise<void> {
    const idlePollMs = this.options.idlePollMs ?? DEFAULT_IDLE_POLL_MS;
    const backoff = new Map<ProjectionBinding, Backoff>();
    let positions: Positions = new Map();
    let lookAgainIn = idlePollMs;
    while (!this.stopping) {
      const seen = wake.generation;
      const now = Date.now();
      const ready = this.bindings.filter((binding) => (backoff.get(binding)?.until ?? 0) <= now);
      let failures: Failures;
      let moved = false;
      try {
        // Known positions are kept between passes: a compare-and-set that fails corrects them.
        const unknown = ready.filter((binding) => !positions.has(binding));
        if (unknown.length > 0) positions = new Map([...positions, ...(await this.positionsOf(unknown))]);
        const before = new Map(positions);
        failures = await this.pass(ready, positions, { haltOnFailure: false, deferEmptyMoves: true });
        moved = ready.some((binding) => positions.get(binding) !== before.get(binding));
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
        this.deferred.delete(binding);
      }
      for (const binding of await this.makeDeferredMoves(this.deferredMoveMs)) positions.delete(binding);
      const retryIn = Math.min(...[...backoff.values()].map(({ until }) => until - Date.now()));
      lookAgainIn = moved ? LOOK_AGAIN_MS : Math.min(lookAgainIn * 2, idlePollMs);
      await wake.wait(seen, Math.max(0, Math.min(idlePollMs, retryIn, lookAgainIn)));
    }
    await this.makeDeferredMoves(0);
  }

  /**
   * Makes the deferred moves that have waited `olderThanMs`, each one statement (the events
   * hold nothing for the projection); answers the bindings whose checkpoint another runner
   * moved meanwhile, or whose move failed: their next pass starts from the stored checkpoint.
   */
  private async makeDeferredMoves(olderThanMs: number): Promise<ProjectionBinding[]> {
    const { checkpoints, store, onBatch } = this.options;
    const due = [...this.deferred].filter(([, held]) => Date.now() - held.since >= olderThanMs);
    const lost: ProjectionBinding[] = [];
    await Promise.all(
      due.map(async ([binding, held]) => {
        this.deferred.delete(binding);
        try {
          if (await applyBatch(checkpoints, binding, held.stored, held.events, store))
            onBatch?.(binding.projection.name, held.events);
          else lost.push(binding);
        } catch (error) {
          this.logger.error(
            `projection ${binding.projection.name}: a deferred checkpoint move failed`,
            error,
          );
          lost.push(binding);
        }
      }),
    );
    return lost;
  }
}

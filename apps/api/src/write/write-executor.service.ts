import { Inject, Injectable } from '@nestjs/common';
import type { CommandMetadata, DomainError } from '@l10k/domain';
import { EVENT_STORE, WrongExpectedRevisionError } from '@l10k/eventstore';
import type { AppendManyResult, EventStore, StreamAppend, StreamExpectation } from '@l10k/eventstore';
import { ProblemException } from '../problem-details';
import { Clock } from '../clock/clock';
import { domainProblem } from './domain-problems';
import { IdempotencyService } from './idempotency.service';
import { storeProblem } from './store-problems';
import type { WriteRequest } from './write-request';
import type { WriteResult } from './write-result';

/** What one attempt decided: streams to append to and the answer once they are written, or a refusal. */
export type Attempt =
  | {
      readonly appends: readonly StreamAppend[];
      /** Streams the decision read from a kept fold without writing them: the append expects them unchanged. */
      readonly unchanged?: readonly StreamExpectation[];
      readonly answer: (written: AppendManyResult | undefined) => WriteResult;
    }
  | { readonly refusal: DomainError }
  /** The request was already carried out (a repeat that outlived its idempotency record). */
  | { readonly done: WriteResult };

/**
 * Contention on a stream the client did not pin (the fiscal year's budget during many
 * adoptions, or an application written without If-Match) is retried with a fresh read
 * and a fresh decision; fifty concurrent adoptions need up to fifty rounds in the worst case.
 */
const MAX_ATTEMPTS = 100;

/**
 * The write path every command takes: read the clock once per round, let the caller load
 * (beside the Idempotency-Key's lookup) and decide, replay an idempotent repeat instead,
 * append with the expected revisions, retry unpinned contention, and remember the answer
 * under the Idempotency-Key. The caller learns the round: the first may decide on what the
 * process kept, a retry after a conflict reads what the store holds.
 */
@Injectable()
export class WriteExecutor {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly idempotency: IdempotencyService,
  ) {}

  async execute(
    request: WriteRequest,
    pinnedStreamId: string,
    attempt: (metadata: CommandMetadata, round: number) => Promise<Attempt>,
  ): Promise<WriteResult> {
    const key = request.idempotencyKey;
    // An attempt only reads until it is appended: its reads go out beside the key's lookup,
    // and a repeat's recorded answer wins over them (one round trip less per keyed write).
    const first = attempt(this.metadataFor(request), 1);
    first.catch(() => undefined);
    if (key) {
      const replayed = await this.idempotency.replay(key, request.fingerprint);
      if (replayed) return replayed;
    }
    const result = await this.decideAndAppend(request, pinnedStreamId, attempt, first).catch(
      (error: unknown) => {
        throw storeProblem(error) ?? error;
      },
    );
    if (key) await this.idempotency.remember(key, request.fingerprint, result);
    return result;
  }

  private metadataFor(request: WriteRequest): CommandMetadata {
    return { at: this.clock.now().toISOString(), actor: request.actor };
  }

  private async decideAndAppend(
    request: WriteRequest,
    pinnedStreamId: string,
    attempt: (metadata: CommandMetadata, round: number) => Promise<Attempt>,
    first: Promise<Attempt>,
  ): Promise<WriteResult> {
    for (let round = 1; ; round++) {
      const decided = round === 1 ? await first : await attempt(this.metadataFor(request), round);
      if ('done' in decided) return decided.done;
      if ('refusal' in decided) return this.refused(request, decided.refusal);
      try {
        const written = await this.append(decided.appends, decided.unchanged ?? []);
        return decided.answer(written);
      } catch (error) {
        const pinned =
          request.expectedRevision !== undefined &&
          error instanceof WrongExpectedRevisionError &&
          error.streamId === pinnedStreamId;
        if (!(error instanceof WrongExpectedRevisionError) || pinned || round >= MAX_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(100, 2 * round) * (0.5 + Math.random())));
      }
    }
  }

  private async append(
    appends: readonly StreamAppend[],
    unchanged: readonly StreamExpectation[],
  ): Promise<AppendManyResult | undefined> {
    const nonEmpty = appends.filter((append) => append.events.length > 0);
    if (nonEmpty.length === 0) return undefined;
    if (unchanged.length > 0) return this.store.appendMany(nonEmpty, { unchanged });
    if (nonEmpty.length === 1) {
      const [only] = nonEmpty;
      const result = await this.store.append(only.streamId, only.events, {
        expectedRevision: only.expectedRevision,
      });
      return { streams: [{ streamId: only.streamId, ...result }], position: result.position };
    }
    return this.store.appendMany(nonEmpty);
  }

  /** A refusal is an answer too: remembered under the key, then thrown as a problem. */
  private async refused(request: WriteRequest, refusal: DomainError): Promise<never> {
    const exception: ProblemException = domainProblem(refusal);
    if (request.idempotencyKey) {
      await this.idempotency.remember(request.idempotencyKey, request.fingerprint, {
        status: exception.problem.status,
        body: exception.problem,
      });
    }
    throw exception;
  }
}

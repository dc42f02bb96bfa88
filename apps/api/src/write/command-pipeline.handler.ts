import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  decideCommand,
  describeStream,
  evolveStream,
  foldStream,
  ownStreamOf,
  streamIdOf,
  streamsReadBy,
  type CommandMetadata,
  type DomainCommand,
  type StreamRef,
  type StreamState,
} from '@l10k/domain';
import { AppConfig, InjectConfig } from '@l10k/config';
import type { AppendManyResult, StreamAppend, StreamExpectation } from '@l10k/eventstore';
import { envelope } from './event-envelope';
import { eventIdFor } from './event-ids';
import { ExecuteCommand } from './execute-command';
import { checkExpectedRevision } from './expected-revision';
import { FoldedStreams } from './folded-streams';
import { emptyStream, revisionNumber, type LoadedStream } from './loaded-stream';
import { streamAnswer } from './stream-answer';
import { Attempt, WriteExecutor } from './write-executor.service';
import type { WriteRequest } from './write-request';
import type { WriteResult } from './write-result';
import { fresh } from '@l10k/rules';

/**
 * The one write pipeline for every stream type (DESIGN.md, "The domain as a decider"):
 * load the command's own stream and the streams its decision reads (libs/domain says
 * which), decide, and append every stream the decision wrote in one atomic append, each at
 * the revision it was loaded at. The answer is the own stream's view after the write.
 *
 * The first round decides on the folds this process kept (folded-streams.ts) without
 * reading them: a creation after the first, or a submission of a draft this process wrote,
 * is then a single append, which confirms those folds (streams written at their expected
 * revisions, streams only read expected unchanged). A stale fold makes the append fail and
 * the next round reads; a refusal, or a decision that would append nothing, is made again
 * on reads at once, so nobody is refused on a stale fold.
 */
@CommandHandler(ExecuteCommand)
export class CommandPipelineHandler implements ICommandHandler<ExecuteCommand, WriteResult> {
  constructor(
    private readonly executor: WriteExecutor,
    private readonly folded: FoldedStreams,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  execute({ command: unstamped, request, successStatus }: ExecuteCommand): Promise<WriteResult> {
    const own = ownStreamOf(unstamped);
    return this.executor.execute(
      request,
      streamIdOf(own),
      async (metadata: CommandMetadata, round: number) => {
        const command = { ...fresh, ...unstamped, metadata } as DomainCommand;
        if (round === 1) {
          const onKept = await this.attempt(command, request, successStatus, true);
          if (onKept !== undefined) return onKept;
        }
        return (await this.attempt(command, request, successStatus, false))!;
      },
    );
  }

  /** Undefined: a decision on kept folds that must be made again on reads (see above). */
  private async attempt(
    command: DomainCommand,
    request: WriteRequest,
    successStatus: number,
    useKept: boolean,
  ): Promise<Attempt | undefined> {
    const own = ownStreamOf(command);
    const load = (ref: StreamRef): LoadedStream | Promise<LoadedStream> =>
      (useKept ? this.folded.kept(ref) : undefined) ?? this.folded.load(ref);
    // What the command reads whatever its own stream holds (an intake's fiscal year) loads beside it.
    const foreseen = streamsReadBy(command, foldStream(own, []));
    const [loaded, ...early] = await Promise.all([
      this.loadOwn(command, request, useKept),
      ...foreseen.map(load),
    ]);
    const alreadyDone = await this.repeatDone(loaded, request, successStatus);
    if (alreadyDone) return { done: alreadyDone };
    // If-Match is judged against the store, never against a fold that may lag behind it.
    if (
      loaded.kept &&
      request.expectedRevision !== undefined &&
      request.expectedRevision !== revisionNumber(loaded.revision)
    )
      return undefined;
    checkExpectedRevision(loaded.revision, request, describeStream(own));
    const others = await Promise.all(
      streamsReadBy(command, loaded.state).map(
        (ref) => early.find((stream) => stream.streamId === streamIdOf(ref)) ?? load(ref),
      ),
    );
    const streams = [loaded, ...others];
    const decided = this.decide(command, streams, request, successStatus);
    const appends = 'appends' in decided && decided.appends.some((append) => append.events.length > 0);
    if (streams.some((stream) => stream.kept) && !appends) return undefined;
    return decided;
  }

  /**
   * A creation without an Idempotency-Key names its application with a fresh random uuid
   * (new-id.ts): nothing can be in that stream yet, and the append expects it empty. A keyed
   * write without If-Match reads its whole stream, where a repeat finds its own events
   * (repeatDone). A keyed write made against a revision loads as any write does: its events,
   * if a first attempt wrote them, can only follow that revision (event-ids.ts).
   */
  private loadOwn(
    command: DomainCommand,
    request: WriteRequest,
    useKept: boolean,
  ): LoadedStream | Promise<LoadedStream> {
    const own = ownStreamOf(command);
    if (command.type === 'CreateApplication' && request.idempotencyKey === undefined) return emptyStream(own);
    if (request.idempotencyKey !== undefined && request.expectedRevision === undefined)
      return this.folded.loadWhole(own);
    return (useKept ? this.folded.kept(own) : undefined) ?? this.folded.load(own);
  }

  /**
   * A repeat whose idempotency record is gone (a crash between append and record, or past
   * its retention) finds its own events in the stream. Made against revision r, they can
   * only follow r: while the store is at r there is nothing to look for (a kept fold is
   * confirmed by the append, where an identical append racing this one is answered as
   * stored); past it, the whole stream is read to fold the state as of the repeat's last event.
   */
  private async repeatDone(
    loaded: LoadedStream,
    request: WriteRequest,
    status: number,
  ): Promise<WriteResult | undefined> {
    if (request.idempotencyKey === undefined) return undefined;
    if (request.expectedRevision === undefined) return this.alreadyDone(loaded, request, status);
    if (loaded.kept || revisionNumber(loaded.revision) <= request.expectedRevision) return undefined;
    return this.alreadyDone(await this.folded.loadWhole(loaded.ref), request, status);
  }

  private decide(
    command: DomainCommand,
    [own, ...others]: readonly LoadedStream[],
    request: WriteRequest,
    successStatus: number,
  ): Attempt {
    const byId = new Map([own, ...others].map((stream) => [stream.streamId, stream]));
    const states = new Map<string, StreamState>([...byId].map(([id, stream]) => [id, stream.state]));
    const decided = decideCommand(command, states, { allowProvisional: this.config.provisionalRuleSets });
    if (!decided.ok) return { refusal: decided.error };
    const written = decided.streams.map(({ stream, events }) => {
      const loaded = byId.get(streamIdOf(stream));
      if (loaded === undefined)
        throw new Error(`the decision wrote ${streamIdOf(stream)}, which it did not read`);
      return { loaded, events };
    });
    const appends: StreamAppend[] = written.map(({ loaded, events }) => ({
      streamId: loaded.streamId,
      events: envelope(events, loaded.streamId, command.metadata, request),
      expectedRevision: loaded.revision,
    }));
    const writtenIds = new Set(
      written.filter(({ events }) => events.length > 0).map(({ loaded }) => loaded.streamId),
    );
    const unchanged: StreamExpectation[] = others
      .filter((stream) => stream.kept && !writtenIds.has(stream.streamId))
      .map((stream) => ({ streamId: stream.streamId, expectedRevision: stream.revision }));
    const ownEvents = written.find(({ loaded }) => loaded === own)?.events ?? [];
    return {
      appends,
      unchanged,
      answer: (result: AppendManyResult | undefined) => {
        for (const { loaded, events } of written) {
          const revision = result?.streams.find(
            (stream) => stream.streamId === loaded.streamId,
          )?.nextRevision;
          if (revision !== undefined)
            this.folded.keep(loaded.ref, evolveStream(loaded.ref, loaded.state, events), revision);
        }
        const revision = result
          ? Number(result.streams.find((stream) => stream.streamId === own.streamId)?.nextRevision)
          : revisionNumber(own.revision);
        const state = evolveStream(own.ref, own.state, ownEvents);
        return { status: successStatus, body: streamAnswer(own.ref, state, revision, request), revision };
      },
    };
  }

  /** The answer to a repeat whose events `own` holds, as of its last event; undefined when they are not there. */
  private alreadyDone(own: LoadedStream, request: WriteRequest, status: number): WriteResult | undefined {
    const ownId = (index: number) => eventIdFor(request, own.streamId, index);
    const first = own.events.findIndex((event) => event.eventId === ownId(0));
    if (first < 0) return undefined;
    let count = 1;
    while (own.events[first + count]?.eventId === ownId(count)) count++;
    const upTo = own.events.slice(0, first + count);
    const revision = Number(upTo[upTo.length - 1].revision);
    const body = streamAnswer(own.ref, foldStream(own.ref, upTo), revision, request);
    return { status, body, revision };
  }
}

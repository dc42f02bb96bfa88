import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  decideCommand,
  describeStream,
  foldStream,
  ownStreamOf,
  streamIdOf,
  streamsReadBy,
  type CommandMetadata,
  type DomainCommand,
  type StreamState,
} from '@l10k/domain';
import { AppConfig, InjectConfig } from '@l10k/config';
import { EVENT_STORE } from '@l10k/eventstore';
import type { AppendManyResult, EventStore, StreamAppend } from '@l10k/eventstore';
import { envelope } from './event-envelope';
import { eventIdFor } from './event-ids';
import { ExecuteCommand } from './execute-command';
import { checkExpectedRevision } from './expected-revision';
import { FoldedStreams } from './folded-streams';
import { emptyStream, loadStream, revisionNumber, type LoadedStream } from './loaded-stream';
import { streamAnswer } from './stream-answer';
import { Attempt, WriteExecutor } from './write-executor.service';
import type { WriteRequest } from './write-request';
import type { WriteResult } from './write-result';

/**
 * The one write pipeline for every stream type (DESIGN.md, "The domain as a decider"):
 * load the command's own stream and the streams its decision reads (libs/domain says
 * which; those the command alone names load beside the own stream, the others from a
 * fold kept in this process, see folded-streams.ts), decide, and append every stream the
 * decision wrote in one atomic append, each at the revision it was loaded at. The answer
 * is the own stream's view after the write.
 */
@CommandHandler(ExecuteCommand)
export class CommandPipelineHandler implements ICommandHandler<ExecuteCommand, WriteResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly executor: WriteExecutor,
    private readonly folded: FoldedStreams,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  execute({ command: unstamped, request, successStatus }: ExecuteCommand): Promise<WriteResult> {
    const own = ownStreamOf(unstamped);
    return this.executor.execute(request, streamIdOf(own), async (metadata: CommandMetadata) => {
      const command = { ...unstamped, metadata } as DomainCommand;
      // What the command reads whatever its own stream holds (an intake's fiscal year) loads beside it.
      const foreseen = streamsReadBy(command, foldStream(own, []));
      const [loaded, ...early] = await Promise.all([
        this.loadOwn(command, request),
        ...foreseen.map((ref) => this.folded.load(ref)),
      ]);
      const alreadyDone = this.alreadyDone(loaded, request, successStatus);
      if (alreadyDone) return { done: alreadyDone };
      checkExpectedRevision(loaded.revision, request, describeStream(own));
      const others = await Promise.all(
        streamsReadBy(command, loaded.state).map(
          (ref) => early.find((stream) => stream.streamId === streamIdOf(ref)) ?? this.folded.load(ref),
        ),
      );
      return this.decide(command, [loaded, ...others], request, successStatus);
    });
  }

  /**
   * A creation without an Idempotency-Key names its application with a fresh random uuid
   * (new-id.ts): nothing can be in that stream yet, and the append expects it empty.
   */
  private loadOwn(command: DomainCommand, request: WriteRequest): Promise<LoadedStream> {
    const own = ownStreamOf(command);
    if (command.type === 'CreateApplication' && request.idempotencyKey === undefined)
      return Promise.resolve(emptyStream(own));
    return loadStream(this.store, own);
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
    const appends: StreamAppend[] = decided.streams.map(({ stream, events }) => {
      const loaded = byId.get(streamIdOf(stream));
      if (loaded === undefined)
        throw new Error(`the decision wrote ${streamIdOf(stream)}, which it did not read`);
      return {
        streamId: loaded.streamId,
        events: envelope(events, loaded.streamId, command.metadata, request),
        expectedRevision: loaded.revision,
      };
    });
    const ownEvents = decided.streams.find(({ stream }) => streamIdOf(stream) === own.streamId)?.events ?? [];
    return {
      appends,
      answer: (written: AppendManyResult | undefined) => {
        const revision = written
          ? Number(written.streams.find((stream) => stream.streamId === own.streamId)?.nextRevision)
          : revisionNumber(own.revision);
        const state = foldStream(own.ref, [...own.events, ...ownEvents]);
        return { status: successStatus, body: streamAnswer(own.ref, state, revision, request), revision };
      },
    };
  }

  /**
   * A repeat whose idempotency record was lost (crash between append and record) finds
   * its own events in the stream: it answers with the state as of its last event.
   */
  private alreadyDone(own: LoadedStream, request: WriteRequest, status: number): WriteResult | undefined {
    const key = request.idempotencyKey;
    if (!key) return undefined;
    const ownId = (index: number) => eventIdFor(key, own.streamId, index);
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

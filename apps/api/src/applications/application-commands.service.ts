import { Inject, Injectable } from '@nestjs/common';
import {
  ApplicationCommand,
  ApplicationEvent,
  ApplicationState,
  BudgetEvent,
  BudgetState,
  CommandMetadata,
  applicationStreamId,
  decideAdoption,
  decideApplicationCommand,
  submissionTarget,
} from '@l10k/domain';
import { AppConfig, InjectConfig } from '@l10k/config';
import { EVENT_STORE } from '@l10k/eventstore';
import type { AppendManyResult, EventStore } from '@l10k/eventstore';
import { envelope } from '../write/event-envelope';
import { eventIdFor } from '../write/event-ids';
import { checkExpectedRevision } from '../write/expected-revision';
import { foldApplicationEvents, loadApplicationStream, loadBudgetStream } from '../write/domain-streams';
import { LoadedStream, revisionNumber } from '../write/loaded-stream';
import { Attempt, WriteExecutor } from '../write/write-executor.service';
import type { WriteRequest } from '../write/write-request';
import type { WriteResult } from '../write/write-result';
import { applicationView } from './application-view';

/**
 * Load → decide → append for every application command. Commands that depend on the
 * fiscal year (intake open? budget left?) also read that year's stream; an adoption
 * appends to both streams in one atomic append (see libs/domain adoption/decide-adoption.ts).
 */
@Injectable()
export class ApplicationCommandsService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly executor: WriteExecutor,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  execute(
    applicationId: string,
    request: WriteRequest,
    build: (metadata: CommandMetadata) => ApplicationCommand,
    successStatus = 200,
  ): Promise<WriteResult> {
    const streamId = applicationStreamId(applicationId);
    return this.executor.execute(request, streamId, async (metadata) => {
      const application = await loadApplicationStream(this.store, applicationId);
      const alreadyDone = this.alreadyDone(application, request, successStatus);
      if (alreadyDone) return { done: alreadyDone };
      checkExpectedRevision(application.revision, request, 'application');
      const command = build(metadata);
      const budget = await this.budgetFor(command, application.state, metadata);
      return this.decide(command, application, budget, request, successStatus);
    });
  }

  private decide(
    command: ApplicationCommand,
    application: LoadedStream<ApplicationState>,
    budget: LoadedStream<BudgetState> | undefined,
    request: WriteRequest,
    successStatus: number,
  ): Attempt {
    const options = { allowProvisional: this.config.provisionalRuleSets };
    let applicationEvents: readonly ApplicationEvent[];
    let budgetEvents: readonly BudgetEvent[] = [];
    if (command.type === 'DecideApplication' && budget) {
      const decided = decideAdoption(command, application.state, budget.state, options);
      if (!decided.ok) return { refusal: decided.error };
      applicationEvents = decided.application;
      budgetEvents = decided.budget;
    } else {
      const decided = decideApplicationCommand(command, application.state, {
        ...options,
        budget: budget?.state,
      });
      if (!decided.ok) return { refusal: decided.error };
      applicationEvents = decided.events;
    }
    const appends = [
      {
        streamId: application.streamId,
        events: envelope(applicationEvents, application.streamId, command.metadata, request),
        expectedRevision: application.revision,
      },
    ];
    if (budget && budgetEvents.length > 0) {
      appends.push({
        streamId: budget.streamId,
        events: envelope(budgetEvents, budget.streamId, command.metadata, request),
        expectedRevision: budget.revision,
      });
    }
    return {
      appends,
      answer: (written: AppendManyResult | undefined) => {
        const state = [...application.events.map(({ type, data }) => ({ type, data })), ...applicationEvents];
        const revision = written
          ? Number(written.streams.find((stream) => stream.streamId === application.streamId)?.nextRevision)
          : revisionNumber(application.revision);
        return {
          status: successStatus,
          body: applicationView(this.existing(foldApplicationEvents(state)), revision),
          revision,
        };
      },
    };
  }

  /** The fiscal year a command needs: the round's for saving and submitting, the submission's for a decision. */
  private async budgetFor(
    command: ApplicationCommand,
    state: ApplicationState,
    metadata: CommandMetadata,
  ): Promise<LoadedStream<BudgetState> | undefined> {
    let fiscalYear: number | undefined;
    switch (command.type) {
      case 'CreateApplication':
      case 'ReplacePlan':
      case 'SubmitApplication':
      case 'ResubmitApplication':
        fiscalYear = submissionTarget(metadata.at).fiscalYear;
        break;
      case 'DecideApplication':
        fiscalYear =
          'fiscalYear' in state && typeof state.fiscalYear === 'number' ? state.fiscalYear : undefined;
        break;
      default:
        return undefined;
    }
    return fiscalYear === undefined ? undefined : loadBudgetStream(this.store, fiscalYear);
  }

  /**
   * A repeat whose idempotency record was lost (crash between append and record) finds
   * its own events in the stream: it answers with the state as of its last event.
   */
  private alreadyDone(
    application: LoadedStream<ApplicationState>,
    request: WriteRequest,
    status: number,
  ): WriteResult | undefined {
    const key = request.idempotencyKey;
    if (!key) return undefined;
    const ownId = (index: number) => eventIdFor(key, application.streamId, index);
    const first = application.events.findIndex((event) => event.eventId === ownId(0));
    if (first < 0) return undefined;
    let count = 1;
    while (application.events[first + count]?.eventId === ownId(count)) count++;
    const upTo = application.events.slice(0, first + count);
    const revision = Number(upTo[upTo.length - 1].revision);
    return { status, body: applicationView(this.existing(foldApplicationEvents(upTo)), revision), revision };
  }

  private existing(state: ApplicationState) {
    if (state.status === 'none') throw new Error('an application with events cannot be absent');
    return state;
  }
}

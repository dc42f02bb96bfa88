import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideBudgetCommand, evolveBudget, fiscalYearStreamId } from '@l10k/domain';
import { EVENT_STORE } from '@l10k/eventstore';
import type { AppendManyResult, EventStore } from '@l10k/eventstore';
import { budgetView } from '../../applications/application-view';
import { envelope } from '../../write/event-envelope';
import { checkExpectedRevision } from '../../write/expected-revision';
import { loadBudgetStream } from '../../write/domain-streams';
import { revisionNumber } from '../../write/loaded-stream';
import { WriteExecutor } from '../../write/write-executor.service';
import type { WriteResult } from '../../write/write-result';
import { SetBudgetCommand } from './set-budget.command';

@CommandHandler(SetBudgetCommand)
export class SetBudgetHandler implements ICommandHandler<SetBudgetCommand, WriteResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly executor: WriteExecutor,
  ) {}

  execute({ fiscalYear, request, body }: SetBudgetCommand): Promise<WriteResult> {
    const streamId = fiscalYearStreamId(fiscalYear);
    return this.executor.execute(request, streamId, async (metadata) => {
      const budget = await loadBudgetStream(this.store, fiscalYear);
      checkExpectedRevision(budget.revision, request, 'fiscal year budget');
      const command = { type: 'SetBudget', data: { fiscalYear, ...body }, metadata } as const;
      const decided = decideBudgetCommand(command, budget.state);
      if (!decided.ok) return { refusal: decided.error };
      return {
        appends: [
          {
            streamId,
            events: envelope(decided.events, streamId, metadata, request),
            expectedRevision: budget.revision,
          },
        ],
        answer: (written: AppendManyResult | undefined) => {
          const revision = written
            ? Number(written.streams[0].nextRevision)
            : revisionNumber(budget.revision);
          const state = decided.events.reduce(evolveBudget, budget.state);
          return { status: 200, body: budgetView(state, revision), revision };
        },
      };
    });
  }
}

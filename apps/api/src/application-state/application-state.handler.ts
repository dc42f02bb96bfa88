import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ApplicationEvent, applicationStreamId, foldApplication } from '@l10k/domain';
import { EVENT_STORE, StreamNotFoundError, type EventStore, type RecordedEvent } from '@l10k/eventstore';
import { applicationView } from '../applications/application-view';
import { ProblemException, problem } from '../problem-details';
import { ApplicationStateQuery } from './application-state.query';

/**
 * Reads the application's stream itself, not a projection: an auditor's answer must not
 * depend on a read model being right. `asOf` compares with the instant each event was recorded.
 */
@QueryHandler(ApplicationStateQuery)
export class ApplicationStateHandler implements IQueryHandler<ApplicationStateQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ applicationId, asOf, revision }: ApplicationStateQuery): Promise<Record<string, unknown>> {
    let events: RecordedEvent[];
    try {
      events = await this.store.readStream(applicationStreamId(applicationId), {
        toInstant: asOf,
        toRevision: revision,
      });
    } catch (error) {
      if (error instanceof StreamNotFoundError) events = [];
      else throw error;
    }
    const state = foldApplication(events as unknown as ApplicationEvent[]);
    if (state.status === 'none') {
      const message =
        asOf || revision !== undefined ? 'the application did not exist then' : 'no application with this id';
      throw new ProblemException(
        problem(
          404,
          'No such application at that point.',
          [{ field: 'id', rule: 'exists', message }],
          'not-found',
        ),
      );
    }
    const last = events[events.length - 1];
    return {
      ...applicationView(state, Number(last.revision)),
      asOf: asOf?.toISOString() ?? null,
      lastEvent: {
        revision: Number(last.revision),
        type: last.type,
        recordedAt: last.recordedAt.toISOString(),
        hash: last.metadata.hash,
      },
    };
  }
}

import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { applicationStream, foldStream, streamIdOf } from '@l10k/domain';
import { EVENT_STORE, readStreamIfAny, type EventStore } from '@l10k/eventstore';
import { applicationRecordOf, reviewsNeededUnder } from '@l10k/read-model';
import { applicationView } from '../views/application.view';
import type { ApplicationStateView } from '../views/application-state.view';
import { applicationNotFound } from '../problem-details/application-not-found';
import { ApplicationStateQuery } from './application-state.query';
import { fresh } from '@l10k/rules';

/**
 * Reads the application's stream itself, not a projection: an auditor's answer must not
 * depend on a read model being right. `asOf` compares with the instant each event was recorded.
 */
@QueryHandler(ApplicationStateQuery)
export class ApplicationStateHandler implements IQueryHandler<ApplicationStateQuery, ApplicationStateView> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({
    applicationId,
    asOf,
    revision,
    principal,
  }: ApplicationStateQuery): Promise<ApplicationStateView> {
    const stream = applicationStream(applicationId);
    const events = await readStreamIfAny(this.store, streamIdOf(stream), {
      toInstant: asOf,
      toRevision: revision,
    });
    const state = foldStream(stream, events);
    if (state.status === 'none') {
      const message =
        asOf || revision !== undefined ? 'the application did not exist then' : 'no application with this id';
      throw applicationNotFound(message);
    }
    const last = events[events.length - 1];
    const record = applicationRecordOf(state);
    return {
      ...fresh,
      ...applicationView(record, Number(last.revision), principal),
      reviewsNeeded: reviewsNeededUnder(record.ruleSetId),
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

import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@l10k/eventstore';
import { applicationIdOfStream } from './stream-names';
import type { Projection, TableNames } from './projection';

type Tables = 'application_history';

/** Every event of every application stream, with its place in the log and its hash (the audit trail). */
export const applicationHistoryProjection: Projection<Tables> = {
  name: 'application_history',
  tables: ['application_history'],
  events: {
    ApplicationCreated: 'handle',
    ApplicationPlanReplaced: 'handle',
    ApplicationSubmitted: 'handle',
    ApplicationResubmitted: 'handle',
    ApplicationWithdrawn: 'handle',
    ReviewerAssigned: 'handle',
    ConflictOfInterestDeclared: 'handle',
    ReviewSubmitted: 'handle',
    RevisionRequested: 'handle',
    ApplicationAdopted: 'handle',
    ApplicationRejected: 'handle',
    FiscalYearBudgetSet: 'ignore',
    NationalShareCommitted: 'ignore',
  },
  async handle(manager: EntityManager, recorded: RecordedEvent, tables: TableNames<Tables>): Promise<void> {
    const applicationId = applicationIdOfStream(recorded.streamId);
    if (applicationId === undefined) return;
    const { metadata } = recorded;
    await manager.query(
      `INSERT INTO ${tables.application_history}
         (application_id, revision, global_position, checkpoint, event_id, type, occurred_at, recorded_at,
          actor_sub, actor_role, data, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (application_id, revision) DO NOTHING`,
      [
        applicationId,
        recorded.revision.toString(),
        recorded.globalPosition.toString(),
        recorded.checkpoint,
        recorded.eventId,
        recorded.type,
        metadata.occurredAt,
        recorded.recordedAt,
        metadata.actor.sub,
        metadata.actor.role,
        JSON.stringify(recorded.data),
        metadata.hash,
      ],
    );
  },
};

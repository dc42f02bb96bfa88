import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@l10k/eventstore';
import { ApplicationHistoryRow } from '../entities/application-history-entry.entity';
import { upsertRows } from '../tables';
import { applicationIdOfStream } from './stream-names';
import { wholeApplicationStream } from './application-stream-routing';
import type { Projection, TableNames } from './projection';

type Tables = 'application_history';

function historyRow(applicationId: string, recorded: RecordedEvent): ApplicationHistoryRow {
  const { metadata } = recorded;
  return {
    applicationId,
    revision: Number(recorded.revision),
    globalPosition: Number(recorded.globalPosition),
    checkpoint: recorded.checkpoint,
    eventId: recorded.eventId,
    type: recorded.type,
    occurredAt: new Date(metadata.occurredAt),
    recordedAt: recorded.recordedAt,
    actorSub: metadata.actor.sub,
    actorRole: metadata.actor.role,
    data: recorded.data,
    hash: metadata.hash,
  };
}

/** Every event of every application stream, with its place in the log and its hash (the audit trail). */
export const applicationHistoryProjection: Projection<Tables> = {
  name: 'application_history',
  tables: ['application_history'],
  events: wholeApplicationStream,
  async project(
    manager: EntityManager,
    events: readonly RecordedEvent[],
    tables: TableNames<Tables>,
  ): Promise<void> {
    // An event is a fact: a redelivery finds it there already. One row per (application, revision).
    const entries = new Map<string, ApplicationHistoryRow>();
    for (const recorded of events) {
      const applicationId = applicationIdOfStream(recorded.streamId);
      if (applicationId === undefined) continue;
      const key = `${applicationId}/${recorded.revision}`;
      if (!entries.has(key)) entries.set(key, historyRow(applicationId, recorded));
    }
    await upsertRows(
      manager,
      ApplicationHistoryRow,
      tables.application_history,
      [...entries.values()],
      'keep',
    );
  },
};

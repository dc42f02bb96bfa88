import type { CommandMetadata, DomainEvent } from '@l10k/domain';
import { schemaVersionOf } from '@l10k/domain';
import type { EventData, NewEvent } from '@l10k/eventstore';
import { eventIdFor } from './event-ids';
import type { WriteRequest } from './write-request';

/**
 * Wraps the decider's events for the store: ids, schema version, the command's instant
 * and actor, correlation and causation, and the rule set the decision used.
 */
export function envelope(
  events: readonly DomainEvent[],
  streamId: string,
  command: CommandMetadata,
  request: WriteRequest,
  firstIndex = 0,
): NewEvent[] {
  return events.map((event, index) => {
    const data = event.data as unknown as EventData & { ruleSetId?: string; provisional?: boolean };
    return {
      eventId: eventIdFor(request, streamId, firstIndex + index),
      type: event.type,
      data,
      metadata: {
        schemaVersion: schemaVersionOf(event),
        occurredAt: command.at,
        actor: command.actor,
        correlationId: request.correlationId,
        causationId: request.idempotencyKey ?? request.correlationId,
        ...(typeof data.ruleSetId === 'string'
          ? { ruleSetId: data.ruleSetId, provisional: data.provisional === true }
          : {}),
      },
    };
  });
}

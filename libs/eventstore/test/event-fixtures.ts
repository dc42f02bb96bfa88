import { randomUUID } from 'node:crypto';
import type { EventData, EventMetadataInput, NewEvent } from '../src';

export function applicationStreamId(): string {
  return `application-${randomUUID()}`;
}

export function fiscalYearStreamId(): string {
  return `fiscal-year-${randomUUID()}`;
}

/** A valid event as a command handler would build it; time and ids are fixed inputs, not the clock. */
export function newEvent(
  type = 'ApplicationDrafted',
  data: EventData = { title: '道の駅リノベーション', amountYen: 25_000_000 },
  metadata: Partial<EventMetadataInput> = {},
): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    data,
    metadata: {
      schemaVersion: 1,
      occurredAt: '2025-04-01T09:00:00.000Z',
      actor: { sub: 'officer-1', role: 'municipality', municipalityCode: '011002' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      ...metadata,
    },
  };
}

export function newEvents(count: number, type?: string): NewEvent[] {
  return Array.from({ length: count }, (_, index) => newEvent(type, { index }));
}

import type { EntityManager } from 'typeorm';
import { eventSchemaVersions, type DomainEventType } from '@l10k/domain';
import type { RecordedEvent } from '@l10k/eventstore';
import type { Projection, TableNames } from './projection';

/**
 * What a projection does with each event type of the domain. A Record over the domain's
 * exhaustive list, so a new event type does not compile until every projection has
 * decided to handle or to ignore it (and event-routing.spec.ts checks the same at run time).
 */
export type EventRouting = { readonly [Type in DomainEventType]: 'handle' | 'ignore' };

/** Every event type of the domain, from its exhaustive list (`eventSchemaVersions`). */
export const domainEventTypes: readonly DomainEventType[] = Object.keys(
  eventSchemaVersions,
) as DomainEventType[];

const isDomainEventType = (type: string): type is DomainEventType => Object.hasOwn(eventSchemaVersions, type);

/** An event in the log whose type the domain does not know: projecting past it would lose it in silence. */
export class UnknownEventTypeError extends Error {
  constructor(projection: string, event: RecordedEvent) {
    super(
      `projection ${projection} met event type ${event.type} (${event.streamId} revision ${event.revision}), which the domain does not know; it stops here rather than skip it`,
    );
    this.name = 'UnknownEventTypeError';
  }
}

/**
 * Offers a batch to a projection, inside the caller's transaction: the events of the types
 * it handles reach its fold together, in log order, the ones it ignores do not, and a type
 * the domain does not know (written by a newer version, say) throws before anything is
 * written, so the runner retries instead of moving on.
 */
export async function projectBatch<Table extends string>(
  manager: EntityManager,
  projection: Projection<Table>,
  events: readonly RecordedEvent[],
  tables: TableNames<Table>,
): Promise<void> {
  const handled: RecordedEvent[] = [];
  for (const event of events) {
    if (!isDomainEventType(event.type)) throw new UnknownEventTypeError(projection.name, event);
    const decision = projection.events[event.type];
    if (decision === 'handle') handled.push(event);
    else if (decision !== 'ignore')
      throw new Error(`projection ${projection.name} has not decided whether it handles ${event.type}`);
  }
  if (handled.length > 0) await projection.project(manager, handled, tables);
}

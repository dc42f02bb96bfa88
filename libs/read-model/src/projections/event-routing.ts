import type { EntityManager } from 'typeorm';
import { eventSchemaVersions, type DomainEventType } from '@l10k/domain';
import type { ProjectedEvent } from '@l10k/eventstore';
import type { Projection, StreamReader, TableNames } from './projection';

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
  constructor(projection: string, event: ProjectedEvent) {
    super(
      `projection ${projection} met event type ${event.type} (${event.streamId} revision ${event.revision}), which the domain does not know; it stops here rather than skip it`,
    );
    this.name = 'UnknownEventTypeError';
  }
}

/**
 * The events of a batch that reach the projection's fold, in log order: those of the types
 * it handles, not those it ignores. A type the domain does not know (written by a newer
 * version, say) throws, so the runner retries instead of moving on past it.
 */
export function handledEvents(projection: Projection, events: readonly ProjectedEvent[]): ProjectedEvent[] {
  const handled: ProjectedEvent[] = [];
  for (const event of events) {
    if (!isDomainEventType(event.type)) throw new UnknownEventTypeError(projection.name, event);
    const decision = projection.events[event.type];
    if (decision === 'handle') handled.push(event);
    else if (decision !== 'ignore')
      throw new Error(`projection ${projection.name} has not decided whether it handles ${event.type}`);
  }
  return handled;
}

/**
 * The events of the batch read after the current one that the projection handles, for it to
 * prepare (Projection.project): undefined when there is none, or when it holds a type the
 * projection cannot route, which that batch's own turn meets.
 */
export function handledNext(
  projection: Projection,
  next: readonly ProjectedEvent[] | undefined,
): ProjectedEvent[] | undefined {
  if (next === undefined) return undefined;
  try {
    return handledEvents(projection, next);
  } catch {
    return undefined;
  }
}

/**
 * Offers a batch to a projection, inside the caller's transaction: the events of the types
 * it handles reach its fold together, in log order (handledEvents), and a type the domain
 * does not know throws before anything is written. `next`, the batch read after this one,
 * if any, is offered for the projection to prepare (handledNext).
 */
export async function projectBatch<Table extends string>(
  manager: EntityManager,
  projection: Projection<Table>,
  events: readonly ProjectedEvent[],
  tables: TableNames<Table>,
  streams: StreamReader,
  next?: readonly ProjectedEvent[],
): Promise<void> {
  const handled = handledEvents(projection as Projection, events);
  if (handled.length > 0)
    await projection.project(manager, handled, tables, streams, handledNext(projection as Projection, next));
}

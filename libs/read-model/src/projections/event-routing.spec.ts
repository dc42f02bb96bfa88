import type { EntityManager } from 'typeorm';
import { eventSchemaVersions } from '@l10k/domain';
import type { RecordedEvent } from '@l10k/eventstore';
import {
  domainEventTypes,
  projectBatch,
  readModelProjections,
  UnknownEventTypeError,
  type EventRouting,
  type Projection,
  type StreamReader,
} from '@l10k/read-model';

const recorded = (type: string): RecordedEvent =>
  ({ type, streamId: 'application-1', revision: 3n, data: {} }) as unknown as RecordedEvent;

describe('which events reach a projection', () => {
  it('is the domain’s own list of event types', () => {
    expect([...domainEventTypes].sort()).toEqual(Object.keys(eventSchemaVersions).sort());
    expect(domainEventTypes.length).toBeGreaterThan(10);
  });

  it.each(readModelProjections.map((projection) => [projection.name, projection]))(
    'is decided by %s for every event type of the domain, handled or ignored, and for no other',
    (_name, projection) => {
      const routing: Record<string, unknown> = { ...projection.events };
      const undecided = domainEventTypes.filter(
        (type) => routing[type] !== 'handle' && routing[type] !== 'ignore',
      );
      expect(undecided).toEqual([]);
      expect(Object.keys(routing).sort()).toEqual([...domainEventTypes].sort());
    },
  );

  it('covers every event type of the domain in some projection that handles it', () => {
    const unhandled = domainEventTypes.filter((type) =>
      readModelProjections.every((projection) => projection.events[type] !== 'handle'),
    );
    expect(unhandled).toEqual([]);
  });

  describe('when the runner offers a batch', () => {
    const handled: string[][] = [];
    const projection: Projection<'t'> = {
      name: 'fake',
      tables: ['t'],
      events: {
        ...(Object.fromEntries(domainEventTypes.map((type) => [type, 'ignore'])) as EventRouting),
        ApplicationSubmitted: 'handle',
      },
      project: async (_manager, events) => void handled.push(events.map((event) => event.type)),
    };
    const manager = {} as EntityManager;
    const streams: StreamReader = { readStream: () => Promise.reject(new Error('routing reads no stream')) };

    beforeEach(() => (handled.length = 0));

    it('passes the events of the types it handles to its fold, together and in order', async () => {
      await projectBatch(
        manager,
        projection,
        [recorded('ApplicationSubmitted'), recorded('ApplicationCreated'), recorded('ApplicationSubmitted')],
        { t: 't' },
        streams,
      );
      expect(handled).toEqual([['ApplicationSubmitted', 'ApplicationSubmitted']]);
    });

    it('keeps the types it ignores from its fold, and does not call it for a batch of none it handles', async () => {
      await projectBatch(
        manager,
        projection,
        [recorded('ApplicationCreated'), recorded('NationalShareCommitted')],
        { t: 't' },
        streams,
      );
      expect(handled).toEqual([]);
    });

    it('stops at a type the domain does not know, naming it, rather than skip it', async () => {
      const unknown = projectBatch(
        manager,
        projection,
        [recorded('ApplicationSubmitted'), recorded('ApplicationTeleported')],
        { t: 't' },
        streams,
      );
      await expect(unknown).rejects.toThrow(UnknownEventTypeError);
      await expect(unknown).rejects.toThrow(/ApplicationTeleported.*application-1 revision 3/);
      // Names of Object.prototype are not event types either.
      await expect(
        projectBatch(manager, projection, [recorded('toString')], { t: 't' }, streams),
      ).rejects.toThrow(UnknownEventTypeError);
      expect(handled).toEqual([]);
    });

    it('stops at a type of the domain that the projection has not decided about', async () => {
      const { ApplicationCreated: _undecided, ...partly } = projection.events;
      const undecided = { ...projection, events: partly as EventRouting };
      await expect(
        projectBatch(manager, undecided, [recorded('ApplicationCreated')], { t: 't' }, streams),
      ).rejects.toThrow('projection fake has not decided whether it handles ApplicationCreated');
    });
  });
});

import { applicationStreamId } from '@l10k/domain';
import {
  StreamNotFoundError,
  type EventStore,
  type ReadStreamOptions,
  type RecordedEvent,
} from '@l10k/eventstore';
import type { Principal } from '../../auth/principal';
import { encodeCursor } from '../paging/keyset-cursor';
import { ApplicationHistoryHandler } from './application-history.handler';
import { ApplicationHistoryQuery } from './application-history.query';

const ID = '0b6a4a1e-4a8e-4c43-9d55-3c1f7a2f1f11';
const TONO: Principal = {
  sub: 'tono-officer',
  name: '遠野市',
  roles: ['municipality'],
  municipalityCode: '032085',
};
const OFFICER: Principal = { sub: 'officer-1', name: '担当官', roles: ['program_officer'] };
const KUJI: Principal = {
  sub: 'kuji-officer',
  name: '久慈市',
  roles: ['municipality'],
  municipalityCode: '032077',
};

function recorded(revision: number, type: string, data: Record<string, string | number>): RecordedEvent {
  return {
    streamId: applicationStreamId(ID),
    revision: BigInt(revision),
    globalPosition: BigInt(100 + revision),
    checkpoint: String(100 + revision),
    type,
    data,
    eventId: `event-${revision}`,
    recordedAt: new Date(Date.UTC(2025, 5, 1, 0, revision)),
    metadata: {
      schemaVersion: 1,
      occurredAt: new Date(Date.UTC(2025, 5, 1, 0, revision)).toISOString(),
      actor: { sub: 'someone', role: 'program_officer' },
      correlationId: 'c',
      causationId: 'c',
      prevHash: '0'.repeat(64),
      hash: String(revision).repeat(64).slice(0, 64),
    },
  } as RecordedEvent;
}

/** Tono's application: created, submitted, two reviewers assigned (cycle 1), a third event after. */
const STREAM = [
  recorded(0, 'ApplicationCreated', { municipalityCode: '032085' }),
  recorded(1, 'ApplicationSubmitted', { round: '2025-06' }),
  recorded(2, 'ReviewerAssigned', { reviewerId: 'reviewer-sato', reviewCycle: 1 }),
  recorded(3, 'ReviewerAssigned', { reviewerId: 'reviewer-ito', reviewCycle: 1 }),
  recorded(4, 'ReviewSubmitted', { reviewerId: 'reviewer-ito', reviewCycle: 1, recommendation: 'adopt' }),
];

/** The store's reads of the stream, as [from, to] revisions, answered from STREAM. */
function storeReading(): { store: EventStore; reads: Array<[number, number]> } {
  const reads: Array<[number, number]> = [];
  const store = {
    readStream: async (streamId: string, options: ReadStreamOptions = {}) => {
      if (streamId !== applicationStreamId(ID)) throw new StreamNotFoundError(streamId);
      const from = Number(options.fromRevision ?? 0);
      const to = Number(options.toRevision ?? Number.MAX_SAFE_INTEGER);
      reads.push([from, to]);
      return STREAM.filter((event) => event.revision >= from && event.revision <= to);
    },
  } as unknown as EventStore;
  return { store, reads };
}

const page = (principal: Principal, limit: number, after?: number) =>
  new ApplicationHistoryQuery(ID, principal, {
    limit,
    ...(after === undefined ? {} : { cursor: encodeCursor({ key: String(after), id: ID }) }),
  });

describe('an application history page reads the stream as few times as its viewer needs', () => {
  it('reads the first page with the creation in one read', async () => {
    const { store, reads } = storeReading();
    const answer = await new ApplicationHistoryHandler(store).execute(page(TONO, 2));
    expect(answer.items.map((item) => item.revision)).toEqual([0, 1]);
    expect(reads).toEqual([[0, 2]]);
  });

  it('reads a municipality’s later page with everything before it in one read, labelling reviewers as the earlier pages did', async () => {
    const { store, reads } = storeReading();
    const answer = await new ApplicationHistoryHandler(store).execute(page(TONO, 2, 3));
    expect(reads).toEqual([[0, 6]]);
    expect(answer.items.map((item) => item.revision)).toEqual([4]);
    // reviewer-ito was the second assigned in cycle 1 on the earlier page: 審査員B here too.
    expect(answer.items[0].data).toMatchObject({ reviewer: '審査員B' });
    expect(JSON.stringify(answer)).not.toContain('reviewer-ito');
    expect(answer.nextCursor).toBeNull();
  });

  it('reads an officer’s later page as the creation and the page, without the events between', async () => {
    const { store, reads } = storeReading();
    const answer = await new ApplicationHistoryHandler(store).execute(page(OFFICER, 1, 2));
    expect(reads).toEqual([
      [0, 0],
      [3, 4],
    ]);
    expect(answer.items.map((item) => item.revision)).toEqual([3]);
    expect(answer.nextCursor).not.toBeNull();
  });

  it('answers another municipality 404 before looking at its cursor, and a bad cursor 400 naming cursor', async () => {
    const { store } = storeReading();
    const handler = new ApplicationHistoryHandler(store);
    const foreign = new ApplicationHistoryQuery(ID, KUJI, {
      limit: 2,
      cursor: encodeCursor({ key: '1', id: KUJI.sub }),
    });
    await expect(handler.execute(foreign)).rejects.toMatchObject({ problem: { status: 404 } });
    const bad = new ApplicationHistoryQuery(ID, TONO, { limit: 2, cursor: 'not-a-cursor' });
    await expect(handler.execute(bad)).rejects.toMatchObject({
      problem: { status: 400, errors: [expect.objectContaining({ field: 'cursor' })] },
    });
  });
});

import type { Pool, PoolClient, QueryResult } from 'pg';
import { newEvents } from '../../test/event-fixtures';
import { chainEvents, GENESIS_HASH } from '../hash-chain';
import { verifyChains } from './postgres-verify';
import { VERIFY_ALL_SQL, type VerifyRow } from './sql';

const PAGE = 1_000;

/** One stream of `count` events, chained as an append chains them, as the walk reads them: the last with the head's hash. */
function chainedRows(count: number): VerifyRow[] {
  const events = chainEvents('application-1', -1n, GENESIS_HASH, newEvents(count));
  const last = events[events.length - 1];
  return events.map((event, index) => ({
    global_position: String(index + 1),
    stream_id: 'application-1',
    stream_revision: event.revision.toString(),
    event_id: event.eventId,
    type: event.type,
    data: event.data,
    metadata: { ...event.metadata },
    head_hash: event === last ? last.metadata.hash : null,
  }));
}

/**
 * A pool of one client that answers the walk's pages from `rows` (no stream is past its head)
 * and writes down what happened, in order: each page of events asked for, and each page's
 * first event read by the hashing.
 */
function recordingPool(rows: readonly VerifyRow[], failPage?: number) {
  const happened: string[] = [];
  let released: boolean | Error | undefined;
  let pages = 0;
  const client = {
    query: (text: string, values?: unknown[]): Promise<Partial<QueryResult>> => {
      if (text !== VERIFY_ALL_SQL) return Promise.resolve({ rows: [] });
      const page = ++pages;
      happened.push(`page ${page} asked for`);
      if (page === failPage) return Promise.reject(new Error('canceling statement due to statement timeout'));
      const after = BigInt(String(values?.[0]));
      const pageRows = rows
        .filter((row) => BigInt(row.global_position) > after)
        .slice(0, PAGE)
        .map((row, index) =>
          index === 0
            ? {
                ...row,
                get data() {
                  happened.push(`page ${page} hashed`);
                  return row.data;
                },
              }
            : row,
        );
      return Promise.resolve({ rows: pageRows });
    },
    release: (error?: boolean | Error) => {
      released = error;
    },
  };
  const pool = { connect: () => Promise.resolve(client as unknown as PoolClient) } as unknown as Pool;
  return { pool, happened, released: () => released };
}

describe('verifying the chains in PostgreSQL, page by page', () => {
  it('asks for the next page before hashing the one it has, and finds the chain whole', async () => {
    const { pool, happened, released } = recordingPool(chainedRows(2_500));

    const report = await verifyChains(pool, undefined);

    expect(report).toMatchObject({ ok: true, eventsChecked: 2_500, streamsChecked: 1 });
    expect(happened).toEqual([
      'page 1 asked for',
      'page 2 asked for',
      'page 1 hashed',
      'page 3 asked for',
      'page 2 hashed',
      'page 3 hashed',
    ]);
    expect(released()).toBe(false);
  });

  it('closes its connection when a page fails, so no request inherits its open transaction', async () => {
    const { pool, released } = recordingPool(chainedRows(2_500), 2);

    await expect(verifyChains(pool, undefined)).rejects.toThrow('statement timeout');

    expect(released()).toBe(true);
  });
});

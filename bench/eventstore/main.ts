/**
 * Event store benchmark (issue 3): on one embedded PostgreSQL, in one run, compares
 * our append and read-all with the raw SQL floor on an equivalent table.
 *   BENCH_EVENTS       events per append scenario (default 3000)
 *   BENCH_READ_ROUNDS  full reads per read scenario (default 5)
 *   BENCH_ROUNDS       times the whole sequence runs, raw and ours alternating (default 3)
 * Each figure is the median over the rounds, which keeps a busy shared machine from
 * deciding the ratio. Prints events/s, p50/p99 and ours/raw ratios, then one JSON line.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createDatabase, freePort, migrate } from '@l10k/database';
import { startEmbeddedDatabase } from '@l10k/database/embedded-database';
import { PostgresEventStore, type NewEvent } from '@l10k/eventstore';
import { describe, measure, measureReads, type Measurement } from './measure';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 3000);
const READ_ROUNDS = Number(process.env.BENCH_READ_ROUNDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const READ_BATCH = 500;

// Same columns, keys and indexes as the events table: the floor any append must pay.
const RAW_TABLE = `
  CREATE SEQUENCE raw_events_global_position_seq AS bigint;
  CREATE TABLE raw_events (
    global_position bigint PRIMARY KEY DEFAULT nextval('raw_events_global_position_seq'),
    transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
    stream_id text NOT NULL,
    stream_revision bigint NOT NULL,
    event_id uuid NOT NULL UNIQUE,
    type text NOT NULL,
    data jsonb NOT NULL,
    metadata jsonb NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    UNIQUE (stream_id, stream_revision)
  );
  CREATE INDEX raw_events_global_order_idx ON raw_events (transaction_id, global_position);`;

function sampleEvent(index: number): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'ApplicationDraftEdited',
    data: {
      index,
      title: '道の駅リノベーション事業',
      investmentYen: 52_000_000,
      lender: { type: 'shinkin_bank', name: '北海道信用金庫' },
    },
    metadata: {
      schemaVersion: 1,
      occurredAt: '2025-04-01T09:00:00.000Z',
      actor: { sub: 'officer-1', role: 'municipality', municipalityCode: '011002' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
    },
  };
}

async function rawAppend(pool: Pool, connections: number, events: number): Promise<Measurement> {
  const streams = Array.from({ length: connections }, () => `application-${randomUUID()}`);
  const revisions = new Array<number>(connections).fill(-1);
  return measure(connections, events, async (worker, index) => {
    const event = sampleEvent(index);
    revisions[worker] += 1;
    await pool.query({
      name: 'raw_insert',
      text: 'INSERT INTO raw_events (stream_id, stream_revision, event_id, type, data, metadata) VALUES ($1, $2, $3, $4, $5, $6)',
      values: [
        streams[worker],
        revisions[worker],
        event.eventId,
        event.type,
        event.data,
        { ...event.metadata, prevHash: '0'.repeat(64), hash: '0'.repeat(64) },
      ],
    });
    return 1;
  });
}

async function ourAppend(store: PostgresEventStore, writers: number, events: number): Promise<Measurement> {
  const streams = Array.from({ length: writers }, () => `application-${randomUUID()}`);
  const revisions: Array<bigint | 'no_stream'> = new Array(writers).fill('no_stream');
  return measure(writers, events, async (worker, index) => {
    const result = await store.append(streams[worker], [sampleEvent(index)], {
      expectedRevision: revisions[worker],
    });
    revisions[worker] = result.nextRevision;
    return 1;
  });
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'l10k-bench-'));
  const server = await startEmbeddedDatabase({ dataDir, port: await freePort(), persistent: false });
  try {
    const url = await createDatabase(server.url, 'bench_eventstore');
    await migrate(url);
    const pool = new Pool({ connectionString: url, max: 8 });
    pool.on('error', () => undefined);
    await pool.query(RAW_TABLE);
    const store = await PostgresEventStore.connect({ connectionString: url, poolSize: 10 });

    console.log(
      `event store benchmark: ${EVENTS} events per append scenario, ${READ_ROUNDS} full reads per read scenario`,
    );
    // Warm both paths (connections, prepared statements, caches) before measuring.
    await rawAppend(pool, 8, 200);
    await ourAppend(store, 8, 200);

    const runs: Record<'raw1' | 'ours1' | 'raw8' | 'ours8' | 'rawRead' | 'ourRead', Measurement[]> = {
      raw1: [],
      ours1: [],
      raw8: [],
      ours8: [],
      rawRead: [],
      ourRead: [],
    };
    for (let round = 1; round <= ROUNDS; round += 1) {
      console.log(`round ${round}/${ROUNDS}`);
      report(runs.raw1, 'raw INSERT, 1 connection', await rawAppend(pool, 1, EVENTS));
      report(runs.ours1, 'our append, 1 writer', await ourAppend(store, 1, EVENTS));
      report(runs.raw8, 'raw INSERT, 8 connections', await rawAppend(pool, 8, EVENTS));
      report(runs.ours8, 'our append, 8 writers', await ourAppend(store, 8, EVENTS));
      report(
        runs.rawRead,
        'raw keyset read of all rows',
        await measureReads(READ_ROUNDS, () => rawKeysetRead(pool)),
      );
      report(runs.ourRead, 'our readAll', await measureReads(READ_ROUNDS, () => ourReadAll(store)));
    }
    const raw1 = median(runs.raw1);
    const ours1 = median(runs.ours1);
    const raw8 = median(runs.raw8);
    const ours8 = median(runs.ours8);
    const rawRead = median(runs.rawRead);
    const ourRead = median(runs.ourRead);
    console.log(`medians over ${ROUNDS} rounds:`);
    for (const [label, m] of [
      ['raw INSERT, 1 connection', raw1],
      ['our append, 1 writer', ours1],
      ['raw INSERT, 8 connections', raw8],
      ['our append, 8 writers', ours8],
      ['raw keyset read of all rows', rawRead],
      ['our readAll', ourRead],
    ] as const) {
      console.log(describe(label, m));
    }
    const ratios = {
      append1Ratio: round(ours1.eventsPerSecond / raw1.eventsPerSecond),
      append8Ratio: round(ours8.eventsPerSecond / raw8.eventsPerSecond),
      readAllRatio: round(ourRead.eventsPerSecond / rawRead.eventsPerSecond),
    };
    console.log(
      `ratios ours/raw: append 1 writer ${ratios.append1Ratio}, append 8 writers ${ratios.append8Ratio}, read-all ${ratios.readAllRatio}`,
    );
    console.log(
      JSON.stringify({
        ...ratios,
        raw1EventsPerSecond: round(raw1.eventsPerSecond),
        raw8EventsPerSecond: round(raw8.eventsPerSecond),
        rawReadEventsPerSecond: round(rawRead.eventsPerSecond),
        ours1EventsPerSecond: round(ours1.eventsPerSecond),
        ours8EventsPerSecond: round(ours8.eventsPerSecond),
        oursReadEventsPerSecond: round(ourRead.eventsPerSecond),
        raw1P50Ms: round(raw1.p50Ms),
        raw1P99Ms: round(raw1.p99Ms),
        raw8P50Ms: round(raw8.p50Ms),
        raw8P99Ms: round(raw8.p99Ms),
        ours1P50Ms: round(ours1.p50Ms),
        ours1P99Ms: round(ours1.p99Ms),
        ours8P50Ms: round(ours8.p50Ms),
        ours8P99Ms: round(ours8.p99Ms),
        rawReadBatchP50Ms: round(rawRead.p50Ms),
        rawReadBatchP99Ms: round(rawRead.p99Ms),
        oursReadBatchP50Ms: round(ourRead.p50Ms),
        oursReadBatchP99Ms: round(ourRead.p99Ms),
        events: EVENTS,
        readRounds: READ_ROUNDS,
        rounds: ROUNDS,
      }),
    );
    await store.close();
    await pool.end();
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function* rawKeysetRead(pool: Pool): AsyncIterable<number> {
  let after = '0';
  for (;;) {
    const { rows } = await pool.query({
      name: 'raw_keyset',
      text: `SELECT global_position::text AS position, transaction_id::text AS transaction, stream_id, stream_revision::text AS revision,
                    event_id::text AS id, type, data, metadata, recorded_at
             FROM raw_events WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
      values: [after, READ_BATCH],
    });
    if (rows.length === 0) return;
    after = rows[rows.length - 1].position;
    yield rows.length;
  }
}

async function* ourReadAll(store: PostgresEventStore): AsyncIterable<number> {
  for await (const batch of store.readAll({ batchSize: READ_BATCH })) yield batch.length;
}

function report(runs: Measurement[], label: string, measurement: Measurement): void {
  runs.push(measurement);
  console.log(describe(`  ${label}`, measurement));
}

/** The run with the median throughput (its latencies come with it). */
function median(runs: Measurement[]): Measurement {
  return [...runs].sort((a, b) => a.eventsPerSecond - b.eventsPerSecond)[Math.floor(runs.length / 2)];
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '@l10k/config';
import { eventStoreOptions, readModelConnectionOptions, withRunningDatabase } from '@l10k/database';
import { createEventStore, type EventStore } from '@l10k/eventstore';
import {
  PostgresCheckpointStore,
  projectionLag,
  readModelProjections,
  type CheckpointStore,
} from '@l10k/read-model';
import { estimatedLogLength } from './log-length';
import { progressBars } from './rebuild/progress-bars';
import { rebuildProjections } from './rebuild/rebuild-projections';

const USAGE = `usage: npm run -s projector -- <command>
  rebuild [name]   replay the log into fresh tables and switch over when caught up (all projections, or one)
  status           each projection's checkpoint, events processed, events behind and lag
  verify           recompute every stream's hash chain; exit 1 on any failure
  projections: ${readModelProjections.map((projection) => projection.name).join(', ')}`;

export const EXIT_FAILED = 1;
export const EXIT_BAD_ARGUMENTS = 2;

interface Connections {
  readonly store: EventStore;
  readonly checkpoints: CheckpointStore;
}

async function withConnections<T>(work: (connections: Connections) => Promise<T>): Promise<T> {
  const config = withRunningDatabase(loadConfig());
  const store = await createEventStore(eventStoreOptions(config));
  const dataSource = new DataSource(readModelConnectionOptions(config));
  try {
    await dataSource.initialize();
    return await work({ store, checkpoints: new PostgresCheckpointStore(dataSource) });
  } finally {
    await store.close();
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}

async function rebuild(name: string | undefined): Promise<number> {
  const projections =
    name === undefined
      ? readModelProjections
      : readModelProjections.filter((projection) => projection.name === name);
  if (projections.length === 0) {
    process.stderr.write(`projector: no projection named ${name}\n${USAGE}\n`);
    return EXIT_BAD_ARGUMENTS;
  }
  const report = await withConnections(({ store, checkpoints }) =>
    rebuildProjections({ store, checkpoints, projections, progress: progressBars() }),
  );
  for (const projection of report.projections) {
    process.stdout.write(
      `${projection.name}: switched over at ${projection.checkpoint ?? 'the start'} (${projection.eventsProcessed} events, ${projection.tailEvents} in the switch)\n`,
    );
  }
  const rate = Math.round((report.totalEvents * report.projections.length) / Math.max(report.seconds, 0.001));
  process.stdout.write(
    `rebuilt ${report.projections.length} projection(s) over ${report.totalEvents} events in ${report.seconds.toFixed(1)} s (${rate} projected events/s)\n`,
  );
  return 0;
}

async function status(): Promise<number> {
  const lag = await withConnections(({ store, checkpoints }) =>
    projectionLag(
      store,
      checkpoints,
      readModelProjections.map((projection) => projection.name),
      { countBehind: true },
    ),
  );
  console.table(
    lag.map((projection) => ({
      projection: projection.name,
      checkpoint: projection.checkpoint ?? '(start)',
      'events processed': projection.eventsProcessed,
      'events behind': projection.behindEvents,
      'lag ms': projection.lagMs,
    })),
  );
  return 0;
}

/** The bar verify draws on stderr while it walks the log. */
export const VERIFY_BAR = 'hash chains';

async function verify(): Promise<number> {
  const report = await withConnections(async ({ store, checkpoints }) => {
    const progress = progressBars();
    progress.start([VERIFY_BAR], await estimatedLogLength(checkpoints, readModelProjections));
    try {
      return await store.verifyAll({ onChecked: (events) => progress.advance(VERIFY_BAR, events) });
    } finally {
      progress.stop();
    }
  });
  process.stdout.write(
    `${report.streamsChecked} streams, ${report.eventsChecked} events checked: ${report.ok ? 'every hash chain is intact' : `${report.failures.length} failure(s)`}\n`,
  );
  for (const failure of report.failures) {
    process.stdout.write(
      `  ${failure.streamId} revision ${failure.revision}: ${failure.reason}${failure.eventId ? ` (event ${failure.eventId})` : ''}\n`,
    );
  }
  return report.ok ? 0 : EXIT_FAILED;
}

/** `npm run projector -- rebuild [name] | status | verify`; returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ args: [...argv], options: {}, strict: true, allowPositionals: true }));
  } catch (error) {
    process.stderr.write(`projector: ${(error as Error).message}\n${USAGE}\n`);
    return EXIT_BAD_ARGUMENTS;
  }
  const [command, ...rest] = positionals;
  if (command === 'rebuild' && rest.length <= 1) return rebuild(rest[0]);
  if (command === 'status' && rest.length === 0) return status();
  if (command === 'verify' && rest.length === 0) return verify();
  process.stderr.write(`${USAGE}\n`);
  return EXIT_BAD_ARGUMENTS;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof ConfigError ? error.message : error);
      process.exit(EXIT_FAILED);
    },
  );
}

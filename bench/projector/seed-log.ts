/**
 * Writes the benchmark's event log: realistic application lifecycles and budget events
 * through the domain's deciders (libs/read-model/test), many streams per atomic append, the
 * next appends decided while the last one is written. Runs in its own process (`fork`), so
 * the seeding's memory never counts towards the projector's peak.
 */
import { SingleBar, Presets } from 'cli-progress';
import { PostgresEventStore } from '@l10k/eventstore';
// Test support, not part of the production build: this benchmark compiles with its own tsconfig.json.
import { seededRandom, simulateApplication, WorkflowRecorder } from '../../libs/read-model/test';

export interface SeedRequest {
  readonly url: string;
  readonly events: number;
}

export interface SeedReport {
  readonly events: number;
  readonly applications: number;
  readonly seconds: number;
}

/** Applications per atomic append: large appends are set-based inserts of a few thousand rows. */
const APPLICATIONS_PER_APPEND = 400;
const SEED = 2025;

/** Writes lifecycles until the log holds at least `target` events; the budget is raised now and then, as officers do. */
export async function seedLog(store: PostgresEventStore, target: number): Promise<SeedReport> {
  const started = Date.now();
  const recorder = new WorkflowRecorder(store);
  const random = seededRandom(SEED);
  const bar = new SingleBar(
    {
      format: 'seeding |{bar}| {value}/{total} events | {speed} events/s | ETA {eta_formatted}',
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 5_000,
      etaBuffer: 20,
    },
    Presets.shades_classic,
  );
  bar.start(target, 0, { speed: 0 });
  let budget = 5_000_000_000;
  recorder.setBudget(2025, budget, '2025-04-01T09:00:00+09:00');
  let applications = 0;
  let written = 0;
  let appending: Promise<void> = Promise.resolve();
  while (written + recorder.pendingEvents < target) {
    simulateApplication(recorder, random, SEED, applications);
    applications += 1;
    if (applications % 1_000 === 0) {
      budget += 5_000_000_000;
      recorder.setBudget(2025, budget, '2025-10-01T09:00:00+09:00');
    }
    if (applications % APPLICATIONS_PER_APPEND === 0) {
      await appending;
      written += recorder.pendingEvents;
      appending = recorder.flush();
      // Whole lifecycles are written: nothing comes back to them, so the recorder forgets them.
      recorder.forgetApplications();
      bar.update(written, { speed: Math.round(written / Math.max((Date.now() - started) / 1000, 0.001)) });
    }
  }
  await appending;
  written += recorder.pendingEvents;
  await recorder.flush();
  bar.update(written);
  bar.stop();
  return { events: written, applications, seconds: (Date.now() - started) / 1000 };
}

/** Child-process entry: seeds the log the parent names, answers with a SeedReport. */
async function seedInChild(request: SeedRequest): Promise<void> {
  const store = await PostgresEventStore.connect({ connectionString: request.url });
  try {
    process.send?.(await seedLog(store, request.events));
  } finally {
    await store.close();
  }
}

if (require.main === module && process.send !== undefined) {
  process.once('message', (request: SeedRequest) => {
    seedInChild(request).then(
      () => process.disconnect(),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

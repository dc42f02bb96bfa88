import { readModelProjections } from '@l10k/read-model';
import { waitForVisibleLog, writeSimulation } from '../../../libs/read-model/test';
import { budgetedRecorder, startProjectorFixture, type ProjectorFixture } from '../test/projector-fixture';
import { main, VERIFY_BAR } from './cli';
import { ProjectionRunner } from './runner/projection-runner';

jest.setTimeout(120_000);

describe('npm run projector -- verify', () => {
  let fixture: ProjectorFixture;
  let events: number;

  beforeAll(async () => {
    fixture = await startProjectorFixture('projector_cli');
    const recorder = budgetedRecorder(fixture);
    await writeSimulation(recorder, { seed: 7, from: 0, applications: 60, perAppend: 10 });
    events = recorder.eventsWritten;
    await waitForVisibleLog(fixture.store, events);
    // The live checkpoints count the events they processed: the bar's length before the walk.
    await new ProjectionRunner({
      store: fixture.store,
      checkpoints: fixture.checkpoints,
      projections: readModelProjections,
    }).catchUp();
  });

  afterAll(() => fixture.close());

  it('draws its progress on stderr as it walks the log, then says every chain is intact', async () => {
    const written = { stdout: '', stderr: '' };
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((text) => {
      written.stdout += String(text);
      return true;
    });
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((text) => {
      written.stderr += String(text);
      return true;
    });
    const databaseUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = fixture.url;
    let code: number;
    try {
      code = await main(['verify']);
    } finally {
      process.env.DATABASE_URL = databaseUrl;
      stdout.mockRestore();
      stderr.mockRestore();
    }
    expect(code).toBe(0);
    expect(written.stdout).toMatch(
      new RegExp(`^\\d+ streams, ${events} events checked: every hash chain is intact\\n$`),
    );
    expect(written.stderr).toContain(`${VERIFY_BAR} |`);
    expect(written.stderr).toContain(`| ${events}/${events} events |`);
  });
});

import {
  APPLICATION_ID,
  budgetOfFy2025,
  command,
  historyOf,
  metadata,
  programOfficer,
  story,
  T,
  townOfficer,
} from '../../test/fixtures';
import { foldApplication } from '../application/evolve';
import { initialApplicationState } from '../application/state';
import { decideCommand, streamsReadBy, type LoadedStates } from './decide-command';
import { ownStreamOf } from './domain-command';
import { fiscalYearStream, streamIdOf, type StreamRef, type StreamState } from './stream-ref';

const loaded = (...entries: [StreamRef, StreamState][]): LoadedStates =>
  new Map(entries.map(([ref, state]) => [streamIdOf(ref), state]));

const applicationRef = { kind: 'application', applicationId: APPLICATION_ID } as const;
const setBudget = {
  type: 'SetBudget',
  data: { fiscalYear: 2025, nationalBudget: 50_000_000, intakeOpen: false },
  metadata: metadata(programOfficer, T.created),
} as const;

describe('which streams a command touches', () => {
  it('is the application for an application command, and the fiscal year for a budget', () => {
    expect(ownStreamOf(command.submit())).toEqual(applicationRef);
    expect(ownStreamOf(setBudget)).toEqual(fiscalYearStream(2025));
  });

  it('reads the fiscal year of the round it would join when a plan is saved or submitted', () => {
    const none = initialApplicationState();
    for (const saving of [command.create(), command.replacePlan({}), command.submit(), command.resubmit()])
      expect(streamsReadBy(saving, none)).toEqual([fiscalYearStream(2025)]);
    // The April round opens the next fiscal year.
    expect(streamsReadBy(command.submit('2026-04-10T23:59:59.999+09:00'), none)).toEqual([
      fiscalYearStream(2026),
    ]);
  });

  it('reads the submission’s fiscal year for a decision, and nothing before a submission', () => {
    expect(streamsReadBy(command.adopt(), foldApplication(historyOf(story.reviewed())))).toEqual([
      fiscalYearStream(2025),
    ]);
    expect(streamsReadBy(command.adopt(), foldApplication(historyOf(story.draft())))).toEqual([]);
  });

  it('reads nothing else for reviews, withdrawals and budgets', () => {
    const state = foldApplication(historyOf(story.underReview()));
    expect(streamsReadBy(command.withdraw(), state)).toEqual([]);
    expect(streamsReadBy(command.assign('reviewer-z'), state)).toEqual([]);
    expect(streamsReadBy(setBudget, budgetOfFy2025(0))).toEqual([]);
  });
});

describe('decideCommand', () => {
  it('writes an adoption to the application and its national share to the fiscal year', () => {
    const decided = decideCommand(
      command.adopt(16_000_000),
      loaded(
        [applicationRef, foldApplication(historyOf(story.reviewed()))],
        [fiscalYearStream(2025), budgetOfFy2025(100_000_000)],
      ),
    );
    if (!decided.ok) throw new Error(decided.error.message);
    expect(decided.streams.map(({ stream, events }) => [stream, events.map((event) => event.type)])).toEqual([
      [applicationRef, ['ApplicationAdopted']],
      [fiscalYearStream(2025), ['NationalShareCommitted']],
    ]);
  });

  it('refuses an adoption the budget cannot carry, writing nothing', () => {
    const decided = decideCommand(
      command.adopt(16_000_000),
      loaded(
        [applicationRef, foldApplication(historyOf(story.reviewed()))],
        [fiscalYearStream(2025), budgetOfFy2025(1_000_000)],
      ),
    );
    expect(decided).toMatchObject({ ok: false, error: { code: 'budget_exceeded' } });
  });

  it('writes a rejection to the application only', () => {
    const decided = decideCommand(
      command.reject(),
      loaded(
        [applicationRef, foldApplication(historyOf(story.reviewed()))],
        [fiscalYearStream(2025), budgetOfFy2025(0)],
      ),
    );
    if (!decided.ok) throw new Error(decided.error.message);
    expect(decided.streams.filter(({ events }) => events.length > 0).map(({ stream }) => stream)).toEqual([
      applicationRef,
    ]);
  });

  it('refuses a submission while the round’s fiscal year has intake closed', () => {
    const decided = decideCommand(
      command.submit(),
      loaded(
        [applicationRef, foldApplication(historyOf(story.draft()))],
        [fiscalYearStream(2025), budgetOfFy2025(0, false)],
      ),
    );
    expect(decided).toMatchObject({
      ok: false,
      error: { code: 'rule_violations', violations: [expect.objectContaining({ rule: 'intake_open' })] },
    });
  });

  it('sets a budget on the fiscal year’s own stream', () => {
    const decided = decideCommand(setBudget, loaded([fiscalYearStream(2025), budgetOfFy2025(0)]));
    expect(decided).toEqual({
      ok: true,
      streams: [
        {
          stream: fiscalYearStream(2025),
          events: [
            {
              type: 'FiscalYearBudgetSet',
              data: expect.objectContaining({
                fiscalYear: 2025,
                nationalBudget: 50_000_000,
                intakeOpen: false,
              }),
            },
          ],
        },
      ],
    });
  });

  it('writes an attached document to the application only, reading no fiscal year', () => {
    const attach = {
      type: 'AttachDocument',
      data: {
        applicationId: APPLICATION_ID,
        documentId: '7f0c3b1e-4d2a-4b8e-9c61-2f5d8e0a1b33',
        kind: 'evidence',
        name: '領収書.pdf',
        size: 1_024,
        sha256: 'b'.repeat(64),
        contentType: 'application/pdf',
      },
      metadata: metadata(townOfficer, T.decided),
    } as const;
    const adopted = foldApplication(historyOf(story.adopted()));
    expect(streamsReadBy(attach, adopted)).toEqual([]);
    const decided = decideCommand(attach, loaded([applicationRef, adopted]));
    if (!decided.ok) throw new Error(decided.error.message);
    expect(decided.streams.map(({ stream, events }) => [stream, events.map((event) => event.type)])).toEqual([
      [applicationRef, ['DocumentAttached']],
    ]);
  });

  it('names the stream it was not given, as a programming error', () => {
    expect(() => decideCommand(command.withdraw(), loaded())).toThrow(/application-.* was not loaded/);
  });
});

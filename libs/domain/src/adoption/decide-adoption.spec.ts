import {
  ampleBudget,
  APPLICATION_ID,
  budgetOfFy2025,
  command,
  completePlanFunding,
  historyOf,
  programOfficer,
  story,
  T,
} from '../../test/fixtures';
import type { ApplicationEvent } from '../application/events';
import { foldApplication } from '../application/evolve';
import { evolveBudget } from '../budget/evolve';
import { decideAdoption } from './decide-adoption';

const reviewed = () => foldApplication(historyOf(story.reviewed()));

describe('decideAdoption', () => {
  it('gives the application its adoption and the budget its commitment of the recomputed national share', () => {
    const decision = decideAdoption(command.adopt(16_000_000), reviewed(), budgetOfFy2025(100_000_000));
    expect(decision).toEqual({
      ok: true,
      application: [
        {
          type: 'ApplicationAdopted',
          data: expect.objectContaining({
            applicationId: APPLICATION_ID,
            approvedGrant: 16_000_000,
            funding: expect.objectContaining({ nationalShare: 12_000_000 }),
          }),
        },
      ],
      budget: [
        {
          type: 'NationalShareCommitted',
          data: {
            fiscalYear: 2025,
            applicationId: APPLICATION_ID,
            amount: 12_000_000,
            committedAt: T.decided,
            committedBy: programOfficer.sub,
          },
        },
      ],
    });
  });

  it('gives the budget nothing for a rejection', () => {
    expect(decideAdoption(command.reject(), reviewed(), ampleBudget())).toEqual({
      ok: true,
      application: [expect.objectContaining({ type: 'ApplicationRejected' })],
      budget: [],
    });
  });

  it('refuses the second of two adoptions that would together exceed the budget', () => {
    const budget = budgetOfFy2025(20_000_000);
    const first = decideAdoption(command.adopt(), reviewed(), budget);
    if (!first.ok) throw new Error(first.error.message);
    const afterFirst = first.budget.reduce(evolveBudget, budget);
    expect(afterFirst).toMatchObject({
      committed: completePlanFunding.nationalShare,
      commitments: { [APPLICATION_ID]: 15_000_000 },
    });

    const secondApplication = foldApplication(
      historyOf(story.reviewed()).map(
        (event) => ({ ...event, data: { ...event.data, applicationId: 'second' } }) as ApplicationEvent,
      ),
    );
    const second = decideAdoption(command.adopt(), secondApplication, afterFirst);
    expect(second).toMatchObject({
      ok: false,
      error: { code: 'budget_exceeded', violations: [{ rule: 'budget' }] },
    });
  });

  it('refuses when the budget already holds this application’s commitment', () => {
    expect(
      decideAdoption(
        command.adopt(),
        reviewed(),
        budgetOfFy2025(100_000_000, true, { [APPLICATION_ID]: 15_000_000 }),
      ),
    ).toMatchObject({ ok: false, error: { code: 'already_committed' } });
  });

  it('passes the application’s refusals through, writing nothing to either stream', () => {
    expect(decideAdoption(command.adopt(), reviewed(), budgetOfFy2025(1_000))).toMatchObject({
      ok: false,
      error: { code: 'budget_exceeded' },
    });
    expect(decideAdoption(command.adopt(25_000_000), reviewed(), ampleBudget())).toMatchObject({
      ok: false,
      error: { code: 'approved_grant_exceeds_request' },
    });
  });
});

import type { ApplicationStatus } from '../state';
import {
  APPLICATION_ID,
  command,
  foreignOfficer,
  given,
  historyOf,
  programOfficer,
  story,
  T,
  townOfficer,
} from '../../../test/fixtures';

const withdrawn = (withdrawnFrom: ApplicationStatus) => ({
  type: 'ApplicationWithdrawn' as const,
  data: {
    applicationId: APPLICATION_ID,
    reason: 'the business postponed the project',
    withdrawnFrom,
    withdrawnAt: T.withdrawn,
    withdrawnBy: townOfficer.sub,
  },
});

describe('WithdrawApplication', () => {
  it.each([
    ['draft', story.draft()],
    ['submitted', story.submitted()],
    ['under_review', story.underReview()],
    ['revision_requested', story.revisionRequested()],
  ] as const)('withdraws from %s', (status, commands) => {
    const state = given(historyOf(commands))
      .when(command.withdraw())
      .then([withdrawn(status)]);
    expect(state).toMatchObject({
      status: 'withdrawn',
      withdrawal: {
        reason: 'the business postponed the project',
        withdrawnFrom: status,
        withdrawnAt: T.withdrawn,
        withdrawnBy: townOfficer.sub,
      },
    });
  });

  it('keeps the submission of an application withdrawn after submitting, and has none for a draft', () => {
    const afterSubmission = given(historyOf(story.submitted()))
      .when(command.withdraw())
      .then([withdrawn('submitted')]);
    expect(afterSubmission).toMatchObject({ round: '2025-06', ruleSetId: 'FY2025-v1' });
    const fromDraft = given(historyOf(story.draft()))
      .when(command.withdraw())
      .then([withdrawn('draft')]);
    expect(fromDraft).not.toHaveProperty('round');
  });

  describe('refuses', () => {
    it.each([
      ['adopted', story.adopted()],
      ['rejected', story.rejected()],
      ['withdrawn', story.withdrawn()],
    ])('withdrawing once %s', (_status, commands) => {
      given(historyOf(commands)).when(command.withdraw()).thenRejects('invalid_state');
    });

    it('without a reason', () => {
      given(historyOf(story.draft())).when(command.withdraw('  ')).thenRejects('invalid_command');
    });

    it('another municipality’s application as if it did not exist', () => {
      given(historyOf(story.submitted()))
        .when(command.withdraw(undefined, T.withdrawn, foreignOfficer))
        .thenRejects('not_found');
    });

    it('a role other than municipality', () => {
      given(historyOf(story.submitted()))
        .when(command.withdraw(undefined, T.withdrawn, programOfficer))
        .thenRejects('forbidden');
    });
  });
});

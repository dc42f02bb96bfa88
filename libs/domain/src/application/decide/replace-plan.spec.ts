import {
  APPLICATION_ID,
  command,
  completePlan,
  completePlanFunding,
  foreignOfficer,
  given,
  historyOf,
  reviewerA,
  story,
  T,
  townOfficer,
} from '../../../test/fixtures';

const editedPlan = { ...completePlan, projectTitle: 'Hop-growing brewery and taproom' };

const replaced = (plan = editedPlan) => ({
  type: 'ApplicationPlanReplaced' as const,
  data: {
    applicationId: APPLICATION_ID,
    plan,
    assessment: {
      round: '2025-06',
      fiscalYear: 2025,
      ruleSetId: 'FY2025-v1',
      provisional: false,
      funding: completePlanFunding,
      warnings: [],
    },
    replacedAt: T.edited,
    replacedBy: townOfficer.sub,
  },
});

describe('ReplacePlan', () => {
  it('replaces a draft’s plan, with a fresh assessment', () => {
    const state = given(historyOf(story.draft())).when(command.replacePlan(editedPlan)).then([replaced()]);
    expect(state).toMatchObject({ status: 'draft', plan: editedPlan });
  });

  it('replaces the plan of an application sent back for revision, which stays there', () => {
    const state = given(historyOf(story.revisionRequested()))
      .when(command.replacePlan(editedPlan))
      .then([replaced()]);
    expect(state).toMatchObject({ status: 'revision_requested', plan: editedPlan, round: '2025-06' });
  });

  it('never refuses a plan for its content: an emptied plan only warns', () => {
    const state = given(historyOf(story.draft()))
      .when(command.replacePlan({}))
      .then([expect.objectContaining({ type: 'ApplicationPlanReplaced' })]);
    expect(state.status === 'draft' && state.assessment.warnings).toHaveLength(12);
  });

  describe('refuses', () => {
    it.each([
      ['submitted', story.submitted()],
      ['under_review', story.underReview()],
      ['adopted', story.adopted()],
      ['rejected', story.rejected()],
      ['withdrawn', story.withdrawn()],
    ])('editing while %s', (_status, commands) => {
      given(historyOf(commands)).when(command.replacePlan(editedPlan)).thenRejects('invalid_state');
    });

    it('another municipality’s application as if it did not exist', () => {
      given(historyOf(story.draft()))
        .when(command.replacePlan(editedPlan, T.edited, foreignOfficer))
        .thenRejects('not_found');
      given([]).when(command.replacePlan(editedPlan)).thenRejects('not_found');
    });

    it('a role other than municipality', () => {
      given(historyOf(story.draft()))
        .when(command.replacePlan(editedPlan, T.edited, reviewerA))
        .thenRejects('forbidden');
    });
  });
});

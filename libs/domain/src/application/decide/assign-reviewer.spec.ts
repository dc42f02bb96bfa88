import {
  APPLICATION_ID,
  auditor,
  command,
  given,
  historyOf,
  programOfficer,
  reviewerA,
  reviewerB,
  story,
  T,
  townOfficer,
} from '../../../test/fixtures';

const assigned = (reviewerId: string, reviewCycle = 1) => ({
  type: 'ReviewerAssigned' as const,
  data: {
    applicationId: APPLICATION_ID,
    reviewerId,
    reviewCycle,
    assignedAt: T.assigned,
    assignedBy: programOfficer.sub,
  },
});

describe('AssignReviewer', () => {
  it('puts a submitted application under review with its first reviewer', () => {
    const state = given(historyOf(story.submitted()))
      .when(command.assign(reviewerA.sub))
      .then([assigned(reviewerA.sub)]);
    expect(state).toMatchObject({
      status: 'under_review',
      reviewers: [{ reviewerId: reviewerA.sub, assignedAt: T.assigned, recused: false }],
    });
  });

  it('assigns further reviewers while under review', () => {
    const state = given(historyOf(story.underReview()))
      .when(command.assign(reviewerB.sub))
      .then([assigned(reviewerB.sub)]);
    expect(state.status === 'under_review' && state.reviewers.map((r) => r.reviewerId)).toEqual([
      reviewerA.sub,
      reviewerB.sub,
    ]);
  });

  it('assigns a reviewer of an earlier cycle again after a resubmission', () => {
    given(historyOf([...story.revisionRequested(), command.resubmit()]))
      .when(command.assign(reviewerA.sub))
      .then([assigned(reviewerA.sub, 2)]);
  });

  describe('refuses', () => {
    it('the same reviewer twice in a cycle', () => {
      given(historyOf(story.underReview()))
        .when(command.assign(reviewerA.sub))
        .thenRejects('already_assigned');
    });

    it.each([
      ['draft', story.draft()],
      ['revision_requested', story.revisionRequested()],
      ['adopted', story.adopted()],
      ['withdrawn', story.withdrawn()],
    ])('assigning while %s', (_status, commands) => {
      given(historyOf(commands)).when(command.assign(reviewerB.sub)).thenRejects('invalid_state');
    });

    it('an empty reviewer id', () => {
      given(historyOf(story.submitted())).when(command.assign('')).thenRejects('invalid_command');
    });

    it('roles other than the programme officer', () => {
      given(historyOf(story.submitted()))
        .when(command.assign(reviewerA.sub, T.assigned, townOfficer))
        .thenRejects('forbidden');
      given(historyOf(story.submitted()))
        .when(command.assign(reviewerA.sub, T.assigned, auditor))
        .thenRejects('forbidden');
      given(historyOf(story.submitted()))
        .when(command.assign(reviewerA.sub, T.assigned, reviewerA))
        .thenRejects('forbidden');
    });

    it('an application that does not exist', () => {
      given([]).when(command.assign(reviewerA.sub)).thenRejects('not_found');
    });
  });
});

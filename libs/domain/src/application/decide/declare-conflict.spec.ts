import {
  APPLICATION_ID,
  command,
  given,
  historyOf,
  programOfficer,
  reviewerA,
  reviewerB,
  story,
  T,
} from '../../../test/fixtures';

describe('DeclareConflict', () => {
  it('records an assigned reviewer’s declaration of no conflict', () => {
    const state = given(historyOf(story.underReview()))
      .when(command.declare(reviewerA, false))
      .then([
        {
          type: 'ConflictOfInterestDeclared',
          data: {
            applicationId: APPLICATION_ID,
            reviewerId: reviewerA.sub,
            reviewCycle: 1,
            hasConflict: false,
            declaredAt: T.declared,
          },
        },
      ]);
    expect(state.status === 'under_review' && state.reviewers).toEqual([
      {
        reviewerId: reviewerA.sub,
        assignedAt: T.assigned,
        conflictDeclaration: { hasConflict: false, declaredAt: T.declared },
        recused: false,
      },
    ]);
  });

  it('recuses a reviewer who declares a conflict, keeping the detail', () => {
    const state = given(historyOf(story.underReview()))
      .when(command.declare(reviewerA, true, 'my firm advises the lender'))
      .then([
        {
          type: 'ConflictOfInterestDeclared',
          data: {
            applicationId: APPLICATION_ID,
            reviewerId: reviewerA.sub,
            reviewCycle: 1,
            hasConflict: true,
            detail: 'my firm advises the lender',
            declaredAt: T.declared,
          },
        },
      ]);
    expect(state.status === 'under_review' && state.reviewers[0]).toMatchObject({
      conflictDeclaration: { hasConflict: true, detail: 'my firm advises the lender' },
      recused: true,
    });
  });

  describe('refuses', () => {
    it('a reviewer who is not assigned', () => {
      given(historyOf(story.underReview()))
        .when(command.declare(reviewerB, false))
        .thenRejects('not_assigned');
    });

    it('a declaration on another reviewer’s behalf', () => {
      const onBehalf = command.declare(reviewerB, false);
      given(historyOf(story.underReview()))
        .when({ ...onBehalf, data: { ...onBehalf.data, reviewerId: reviewerA.sub } })
        .thenRejects('forbidden');
    });

    it('a second declaration in the same cycle', () => {
      given(historyOf([...story.underReview(), command.declare(reviewerA, false)]))
        .when(command.declare(reviewerA, true, 'remembered a tie'))
        .thenRejects('conflict_already_declared');
    });

    it('declaring when the application is not under review', () => {
      given(historyOf(story.adopted())).when(command.declare(reviewerA, false)).thenRejects('invalid_state');
    });

    it('an unassigned reviewer as not assigned, whatever the status (nothing about it leaks)', () => {
      given(historyOf(story.submitted())).when(command.declare(reviewerA, false)).thenRejects('not_assigned');
      given(historyOf(story.rejected()))
        .when(command.declare({ sub: 'reviewer-elsewhere', role: 'reviewer' }, false))
        .thenRejects('not_assigned');
    });

    it('a role other than reviewer', () => {
      const byOfficer = command.declare(programOfficer, false);
      given(historyOf(story.underReview())).when(byOfficer).thenRejects('forbidden');
    });
  });
});

import {
  allMet,
  APPLICATION_ID,
  command,
  given,
  historyOf,
  localPlan,
  programOfficer,
  reviewerA,
  reviewerB,
  reviewerC,
  story,
  T,
} from '../../../test/fixtures';

const declaredNoConflict = () => [
  ...story.underReview(),
  command.assign(reviewerB.sub),
  command.declare(reviewerA, false),
];

describe('SubmitReview', () => {
  it('records the review of an assigned reviewer who declared no conflict', () => {
    const state = given(historyOf(declaredNoConflict()))
      .when(command.review(reviewerA))
      .then([
        {
          type: 'ReviewSubmitted',
          data: {
            applicationId: APPLICATION_ID,
            reviewerId: reviewerA.sub,
            reviewCycle: 1,
            assessments: allMet(),
            recommendation: 'adopt',
            comment: 'a sound plan',
            submittedAt: T.reviewed,
          },
        },
      ]);
    expect(state.status === 'under_review' && state.reviews).toEqual([
      {
        reviewerId: reviewerA.sub,
        assessments: allMet(),
        recommendation: 'adopt',
        comment: 'a sound plan',
        submittedAt: T.reviewed,
      },
    ]);
  });

  it('judges only the first four requirements on the local track', () => {
    const { model_case: _modelCase, ...localAssessments } = allMet();
    given(historyOf([...story.underReview(localPlan), command.declare(reviewerA, false)]))
      .when(command.review(reviewerA, localAssessments))
      .then([
        expect.objectContaining({
          type: 'ReviewSubmitted',
          data: expect.objectContaining({ assessments: localAssessments }),
        }),
      ]);
  });

  describe('refuses', () => {
    it('a reviewer who is not assigned', () => {
      given(historyOf(declaredNoConflict())).when(command.review(reviewerC)).thenRejects('not_assigned');
    });

    it('a reviewer who has not declared on conflicts yet', () => {
      given(historyOf(declaredNoConflict()))
        .when(command.review(reviewerB))
        .thenRejects('conflict_not_declared');
    });

    it('a reviewer who declared a conflict', () => {
      given(historyOf([...declaredNoConflict(), command.declare(reviewerB, true, 'related')]))
        .when(command.review(reviewerB))
        .thenRejects('conflict_declared');
    });

    it('a second review by the same reviewer in a cycle', () => {
      given(historyOf([...declaredNoConflict(), command.review(reviewerA)]))
        .when(command.review(reviewerA))
        .thenRejects('already_reviewed');
    });

    it('a review that leaves requirements unjudged, naming each', () => {
      const { novelty: _novelty, model_case: _modelCase, ...partial } = allMet();
      given(historyOf(declaredNoConflict()))
        .when(command.review(reviewerA, partial))
        .thenRejectsWith({
          code: 'rule_violations',
          violations: [
            {
              rule: 'assessment_complete',
              field: 'assessments.novelty',
              message: 'novelty must be judged met or not met',
            },
            {
              rule: 'assessment_complete',
              field: 'assessments.model_case',
              message: 'model_case must be judged met or not met',
            },
          ],
        });
    });

    it('judging model_case on the local track', () => {
      given(historyOf([...story.underReview(localPlan), command.declare(reviewerA, false)]))
        .when(command.review(reviewerA, allMet()))
        .thenRejectsWith({
          code: 'rule_violations',
          violations: [
            {
              rule: 'assessment_applicable',
              field: 'assessments.model_case',
              message: "model_case is not a requirement on this application's track",
            },
          ],
        });
    });

    it('reviewing an application that is not under review', () => {
      given(historyOf([...declaredNoConflict(), command.requestRevision()]))
        .when(command.review(reviewerA))
        .thenRejects('invalid_state');
    });

    it('an unassigned reviewer as not assigned, whatever the status (nothing about it leaks)', () => {
      given(historyOf(story.submitted())).when(command.review(reviewerA)).thenRejects('not_assigned');
    });

    it('a role other than reviewer', () => {
      given(historyOf(declaredNoConflict())).when(command.review(programOfficer)).thenRejects('forbidden');
    });
  });
});

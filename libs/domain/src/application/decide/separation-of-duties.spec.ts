import type { Actor } from '../../actor';
import { command, given, historyOf, programOfficer, reviewerA, story, TOWN } from '../../../test/fixtures';

/** Someone of the applicant municipality holding another role too (a token with both). */
const fromTheTown = (actor: Actor): Actor => ({ ...actor, municipalityCode: TOWN });

describe('separation of duties', () => {
  it('never lets the applicant municipality’s people assign, review, request revision or decide', () => {
    const officer = fromTheTown(programOfficer);
    const reviewer = fromTheTown(reviewerA);
    given(historyOf(story.submitted()))
      .when(command.assign('reviewer-z', undefined, officer))
      .thenRejects('separation_of_duties');
    given(historyOf(story.underReview()))
      .when(command.requestRevision(undefined, undefined, officer))
      .thenRejects('separation_of_duties');
    given(historyOf(story.reviewed()))
      .when(command.adopt(undefined, undefined, officer))
      .thenRejects('separation_of_duties');
    given(historyOf(story.underReview()))
      .when(command.declare(reviewer, false))
      .thenRejects('separation_of_duties');
  });

  it('lets an officer of another municipality act', () => {
    const elsewhere = { ...programOfficer, municipalityCode: '011002' };
    const decided = given(historyOf(story.reviewed())).when(command.adopt(undefined, undefined, elsewhere));
    expect(() => decided.thenRejects('separation_of_duties')).toThrow();
  });
});

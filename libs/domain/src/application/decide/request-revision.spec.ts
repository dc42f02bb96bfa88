import {
  APPLICATION_ID,
  command,
  given,
  historyOf,
  programOfficer,
  story,
  T,
  townOfficer,
} from '../../../test/fixtures';

const requested = (reviewCycle = 1) => ({
  type: 'RevisionRequested' as const,
  data: {
    applicationId: APPLICATION_ID,
    reason: 'clarify the restaurant costs',
    reviewCycle,
    requestedAt: T.revisionRequested,
    requestedBy: programOfficer.sub,
  },
});

describe('RequestRevision', () => {
  it('sends an application under review back for revision', () => {
    const state = given(historyOf(story.underReview())).when(command.requestRevision()).then([requested()]);
    expect(state).toMatchObject({
      status: 'revision_requested',
      revisionRequest: {
        reason: 'clarify the restaurant costs',
        requestedAt: T.revisionRequested,
        requestedBy: programOfficer.sub,
      },
    });
  });

  it('sends a submitted application back before any reviewer is assigned', () => {
    given(historyOf(story.submitted())).when(command.requestRevision()).then([requested()]);
  });

  describe('refuses', () => {
    it.each([
      ['draft', story.draft()],
      ['revision_requested', story.revisionRequested()],
      ['adopted', story.adopted()],
      ['rejected', story.rejected()],
      ['withdrawn', story.withdrawn()],
    ])('while %s', (_status, commands) => {
      given(historyOf(commands)).when(command.requestRevision()).thenRejects('invalid_state');
    });

    it('without a reason', () => {
      given(historyOf(story.submitted())).when(command.requestRevision('')).thenRejects('invalid_command');
    });

    it('a role other than the programme officer', () => {
      given(historyOf(story.submitted()))
        .when(command.requestRevision(undefined, T.revisionRequested, townOfficer))
        .thenRejects('forbidden');
    });
  });
});

import {
  allMet,
  ampleBudget,
  APPLICATION_ID,
  budgetOfFy2025,
  command,
  completePlan,
  foreignOfficer,
  historyOf,
  localPlan,
  localPlanFunding,
  metadata,
  programOfficer,
  reviewerA,
  story,
  T,
  townOfficer,
} from '../../test/fixtures';
import { specificationFor } from '../../test/given-when-then';
import type { Actor } from '../actor';
import { evolveApplication, foldApplication } from '../application/evolve';
import type { ApplicationEvent } from '../application/events';
import { initialApplicationState, type ApplicationState } from '../application/state';
import type { Decision } from '../decision';
import type { DomainCommand } from '../workflow/domain-command';
import { decideCommand, streamsReadBy } from '../workflow/decide-command';
import { applicationStream, fiscalYearStream, streamIdOf, type StreamState } from '../workflow/stream-ref';
import type { LocalTrackCommand } from './commands';
import { decideLocalTrackCommand } from './decide';
import type { LocalAssessments } from './local-confirmation';

const given = specificationFor({
  decide: (local: LocalTrackCommand, state: ApplicationState, context?: object): Decision<ApplicationEvent> =>
    decideLocalTrackCommand(local, state, context),
  evolve: evolveApplication,
  initialState: initialApplicationState,
});

const at = {
  attached: '2025-06-02T09:00:00+09:00',
  confirmed: '2025-06-03T10:00:00+09:00',
  reported: '2025-06-05T10:00:00+09:00',
  answered: '2025-06-20T10:00:00+09:00',
  edited: '2025-06-25T10:00:00+09:00',
  reportedAgain: '2025-07-15T10:00:00+09:00',
};
const CONFIRMATION_DOC = '11111111-1111-4111-8111-111111111111';
const SCHEME_RULES_DOC = '22222222-2222-4222-8222-222222222222';

const attached = (documentId: string, kind: 'local_confirmation' | 'scheme_rules') =>
  ({
    type: 'DocumentAttached',
    data: {
      applicationId: APPLICATION_ID,
      documentId,
      kind,
      name: `${kind}.pdf`,
      size: 1_024,
      sha256: 'b'.repeat(64),
      contentType: 'application/pdf',
      receivedAt: at.attached,
      receivedBy: townOfficer.sub,
    },
  }) as const;

const { model_case: _modelCase, ...fourMet } = allMet('確認済み');
const localMet = fourMet as LocalAssessments;

const local = {
  confirm: (
    assessments: LocalAssessments = localMet,
    documentId = CONFIRMATION_DOC,
    actor: Actor = townOfficer,
  ) =>
    ({
      type: 'RecordLocalConfirmation',
      data: {
        applicationId: APPLICATION_ID,
        kind: 'expert_review',
        by: '遠野市地域経済循環審査会',
        on: '2025-06-03',
        assessments,
        documentId,
      },
      metadata: metadata(actor, at.confirmed),
    }) as const,
  report: (when = at.reported, schemeRulesDocumentId = SCHEME_RULES_DOC, actor: Actor = townOfficer) =>
    ({
      type: 'ReportToMic',
      data: { applicationId: APPLICATION_ID, schemeRulesDocumentId },
      metadata: metadata(actor, when),
    }) as const,
  answer: (outcome: 'acknowledged' | 'returned', actor: Actor = programOfficer) =>
    ({
      type: 'AnswerMicReport',
      data: {
        applicationId: APPLICATION_ID,
        outcome,
        reason: outcome === 'returned' ? '補助要綱の交付率が読めない' : '受理',
      },
      metadata: metadata(actor, at.answered),
    }) as const,
};

const decide = (history: readonly ApplicationEvent[], next: DomainCommand, budget = ampleBudget()) =>
  decideCommand(
    next,
    new Map<string, StreamState>([
      [streamIdOf(applicationStream(APPLICATION_ID)), foldApplication(history)],
      [streamIdOf(fiscalYearStream(budget.fiscalYear)), budget],
    ]),
  );

const draftWithDocuments = () => [
  ...historyOf([command.create(localPlan)]),
  attached(CONFIRMATION_DOC, 'local_confirmation'),
  attached(SCHEME_RULES_DOC, 'scheme_rules'),
];
const confirmed = () => [...draftWithDocuments(), ...confirmEvents()];
const confirmEvents = () => {
  const decided = decideLocalTrackCommand(local.confirm(), foldApplication(draftWithDocuments()));
  if (!decided.ok) throw new Error(decided.error.message);
  return decided.events;
};
/** The history after commands of any kind, each decided through the one pipeline decision. */
const after = (history: ApplicationEvent[], ...commands: DomainCommand[]): ApplicationEvent[] =>
  commands.reduce((events, next) => {
    const decided = decide(events, next);
    if (!decided.ok) throw new Error(`${next.type} refused: ${JSON.stringify(decided.error)}`);
    return [...events, ...decided.streams.flatMap((written) => written.events as ApplicationEvent[])];
  }, history);

describe('RecordLocalConfirmation', () => {
  it('records who confirmed, when, each requirement’s verdict and the document: locally confirmed', () => {
    const state = given(draftWithDocuments())
      .when(local.confirm())
      .then([
        {
          type: 'LocalConfirmationRecorded',
          data: {
            applicationId: APPLICATION_ID,
            kind: 'expert_review',
            by: '遠野市地域経済循環審査会',
            on: '2025-06-03',
            assessments: localMet,
            documentId: CONFIRMATION_DOC,
            recordedAt: at.confirmed,
            recordedBy: townOfficer.sub,
          },
        },
      ]);
    expect(state).toMatchObject({
      status: 'locally_confirmed',
      localConfirmation: { kind: 'expert_review' },
    });
  });

  it('refuses a document that is not attached to this application, naming documentId', () => {
    given(draftWithDocuments())
      .when(local.confirm(localMet, '33333333-3333-4333-8333-333333333333'))
      .thenRejectsWith({
        code: 'invalid_command',
        violations: [expect.objectContaining({ field: 'documentId', rule: 'document_attached' })],
      });
  });

  it('refuses model_case (not a local requirement) and a missing requirement, naming each', () => {
    const { novelty: _novelty, ...three } = localMet;
    const error = given(draftWithDocuments())
      .when(
        local.confirm({ ...three, model_case: { met: true, comment: '' } } as unknown as LocalAssessments),
      )
      .thenRejects('invalid_command');
    expect(error.violations?.map((violation) => violation.field)).toEqual([
      'assessments.novelty',
      'assessments.model_case',
    ]);
  });

  it('refuses a confirmation dated after today (Japan time), naming today', () => {
    const tomorrow = { ...local.confirm(), data: { ...local.confirm().data, on: '2025-06-04' } };
    given(draftWithDocuments())
      .when(tomorrow)
      .thenRejectsWith({
        violations: [
          expect.objectContaining({
            field: 'on',
            rule: 'confirmation_not_in_future',
            figures: { today: '2025-06-03' },
          }),
        ],
      });
  });

  it('refuses a national application with wrong_track naming the track', () => {
    const error = given(historyOf([command.create(completePlan)]))
      .when(local.confirm())
      .thenRejectsWith({ code: 'wrong_track', violations: [expect.objectContaining({ field: 'track' })] });
    expect(error.message).toContain('national track');
  });

  it('answers another municipality as for a missing application, before any track', () => {
    given(historyOf([command.create(completePlan)]))
      .when(local.confirm(localMet, CONFIRMATION_DOC, foreignOfficer))
      .thenRejects('not_found');
  });
});

describe('ReportToMic', () => {
  it('runs every rule of the local track and records the round, rule set and figures', () => {
    const state = given(confirmed(), { budget: ampleBudget() })
      .when(local.report())
      .then([
        {
          type: 'ReportedToMic',
          data: {
            applicationId: APPLICATION_ID,
            round: '2025-06',
            fiscalYear: 2025,
            deadline: '2025-06-10T23:59:59.999+09:00',
            decisionDueDate: '2025-07-22',
            ruleSetId: 'FY2025-v1',
            provisional: false,
            funding: localPlanFunding,
            warnings: [],
            schemeRulesDocumentId: SCHEME_RULES_DOC,
            reportNumber: 1,
            reportedAt: at.reported,
            reportedBy: townOfficer.sub,
          },
        },
      ]);
    expect(state).toMatchObject({
      status: 'reported_to_mic',
      submittedAt: at.reported,
      micReport: { reportNumber: 1 },
    });
  });

  it('refuses, listing every violation: the local track’s funding rules and each requirement judged not met', () => {
    const noLoan = {
      ...localPlan,
      funding: {
        grant: 50_000_000,
        ownFunds: 10_000_000,
        loan: { amount: 0, lenderType: 'regional_bank' as const, secured: false },
      },
    };
    const history = [
      ...historyOf([command.create(noLoan)]),
      attached(CONFIRMATION_DOC, 'local_confirmation'),
      attached(SCHEME_RULES_DOC, 'scheme_rules'),
    ];
    const notNovel = { ...localMet, novelty: { met: false, comment: '既存事業と同じ' } };
    const withConfirmation = after(history, local.confirm(notNovel));
    const error = given(withConfirmation, { budget: ampleBudget() })
      .when(local.report())
      .thenRejects('rule_violations');
    const rules = error.violations?.map((violation) => violation.rule);
    expect(rules).toContain('outside_financing_present');
    expect(rules).toContain('local_requirement_met');
    expect(error.violations).toContainEqual(
      expect.objectContaining({ field: 'localConfirmation.assessments.novelty' }),
    );
  });

  it('reads the fiscal year of the round it joins, for its intake', () => {
    expect(streamsReadBy(local.report(), foldApplication(confirmed()))).toEqual([fiscalYearStream(2025)]);
  });

  it('refuses when intake is closed, as a submission would', () => {
    given(confirmed(), { budget: budgetOfFy2025(0, false) })
      .when(local.report())
      .thenRejectsWith({
        code: 'rule_violations',
        violations: [expect.objectContaining({ rule: 'intake_open' })],
      });
  });

  it('refuses a 補助要綱 that is not attached, naming schemeRulesDocumentId', () => {
    given(confirmed(), { budget: ampleBudget() })
      .when(local.report(at.reported, '33333333-3333-4333-8333-333333333333'))
      .thenRejectsWith({ violations: [expect.objectContaining({ field: 'schemeRulesDocumentId' })] });
  });

  it('is not for a draft that has no local confirmation yet', () => {
    given(draftWithDocuments(), { budget: ampleBudget() }).when(local.report()).thenRejects('invalid_state');
  });
});

describe('AnswerMicReport', () => {
  const reported = () => after(confirmed(), local.report());

  it('acknowledges: the end of the local track, with no national budget booked', () => {
    const state = given(reported())
      .when(local.answer('acknowledged'))
      .then([
        {
          type: 'MicReportAcknowledged',
          data: {
            applicationId: APPLICATION_ID,
            reportNumber: 1,
            reason: '受理',
            acknowledgedAt: at.answered,
            acknowledgedBy: programOfficer.sub,
          },
        },
      ]);
    expect(state).toMatchObject({ status: 'acknowledged', acknowledgement: { outcome: 'acknowledged' } });
    const decided = decide(reported(), local.answer('acknowledged'));
    expect(decided.ok && decided.streams.map((written) => written.stream)).toEqual([
      applicationStream(APPLICATION_ID),
    ]);
  });

  it('returns with a reason; the plan is edited on the local track and reported again as report 2', () => {
    const returned = after(reported(), local.answer('returned'));
    expect(foldApplication(returned)).toMatchObject({
      status: 'returned',
      acknowledgement: { outcome: 'returned' },
    });
    const afterEdit = after(returned, command.replacePlan({ ...localPlan, summary: '改訂版' }, at.edited));
    expect(foldApplication(afterEdit)).toMatchObject({ status: 'returned', plan: { summary: '改訂版' } });
    const again = after(afterEdit, local.report(at.reportedAgain));
    expect(foldApplication(again)).toMatchObject({
      status: 'reported_to_mic',
      // After the 10th: the August round.
      round: '2025-08',
      micReport: { reportNumber: 2, reportedAt: at.reportedAgain },
    });
    expect(foldApplication(again)).not.toHaveProperty('acknowledgement');
  });

  it('keeps each return on record once the report is made again, with the report it returned', () => {
    const firstReturn = after(reported(), local.answer('returned'));
    expect(foldApplication(firstReturn)).not.toHaveProperty('earlierReturns');
    const reportedAgain = after(firstReturn, local.report(at.reportedAgain));
    const returnedReport = {
      reportNumber: 1,
      reason: '補助要綱の交付率が読めない',
      returnedAt: at.answered,
      returnedBy: programOfficer.sub,
    };
    expect(foldApplication(reportedAgain)).toMatchObject({ earlierReturns: [returnedReport] });
    const acknowledged = after(reportedAgain, local.answer('acknowledged'));
    expect(foldApplication(acknowledged)).toMatchObject({
      status: 'acknowledged',
      acknowledgement: { outcome: 'acknowledged' },
      earlierReturns: [returnedReport],
    });
  });

  it('refuses to move a returned application to the national track', () => {
    const returned = after(reported(), local.answer('returned'));
    const decided = decide(returned, command.replacePlan(completePlan, at.edited));
    expect(!decided.ok && decided.error).toMatchObject({
      code: 'wrong_track',
      violations: [expect.objectContaining({ field: 'plan.track' })],
    });
  });

  it('is for the programme officer only, and not twice', () => {
    given(reported()).when(local.answer('acknowledged', townOfficer)).thenRejects('forbidden');
    const acknowledged = after(reported(), local.answer('acknowledged'));
    given(acknowledged).when(local.answer('returned')).thenRejects('invalid_state');
  });
});

describe('the tracks stay apart (decideCommand)', () => {
  it.each([
    ['submit', command.submit()],
    ['reviewers', command.assign(reviewerA.sub)],
    ['revision-requests', command.requestRevision()],
    ['resubmit', command.resubmit()],
    ['decision', command.adopt()],
  ])('refuses the national %s route for a local-track application with wrong_track', (_route, national) => {
    const decided = decide(confirmed(), national);
    expect(!decided.ok && decided.error).toMatchObject({
      code: 'wrong_track',
      violations: [
        expect.objectContaining({ field: 'track', figures: { track: 'local', expected: 'national' } }),
      ],
    });
  });

  it('answers a reviewer’s conflict declaration as for any application they are not assigned to', () => {
    const decided = decide(confirmed(), command.declare(reviewerA, false));
    expect(!decided.ok && decided.error.code).toBe('not_assigned');
  });

  it('refuses a local draft’s submission, which the national decider alone would accept', () => {
    const decided = decide(draftWithDocuments(), command.submit());
    expect(!decided.ok && decided.error.code).toBe('wrong_track');
  });

  it('still answers another municipality with not_found, not the track', () => {
    const decided = decide(confirmed(), command.submit(T.submitted, foreignOfficer));
    expect(!decided.ok && decided.error.code).toBe('not_found');
  });

  it('refuses the local routes for a national application', () => {
    const decided = decide(historyOf(story.submitted()), local.report());
    expect(!decided.ok && decided.error.code).toBe('wrong_track');
  });

  it('lets a local application be withdrawn before acknowledgement, not after', () => {
    expect(decide(after(confirmed(), local.report()), command.withdraw()).ok).toBe(true);
    const acknowledged = after(confirmed(), local.report(), local.answer('acknowledged'));
    const decided = decide(acknowledged, command.withdraw());
    expect(!decided.ok && decided.error.code).toBe('invalid_state');
  });

  it('makes a confirmed draft whose plan changes a draft again: the confirmation judged the earlier plan', () => {
    const decided = decide(confirmed(), command.replacePlan({ ...localPlan, summary: '変更' }));
    const events = decided.ok ? (decided.streams[0].events as ApplicationEvent[]) : [];
    const state = foldApplication([...confirmed(), ...events]);
    expect(state.status).toBe('draft');
    expect(state).not.toHaveProperty('localConfirmation');
  });
});

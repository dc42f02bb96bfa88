import {
  APPLICATION_ID,
  budgetOfFy2025,
  completePlan,
  foreignOfficer,
  historyOf,
  metadata,
  programOfficer,
  story,
  townOfficer,
} from '../../../test/fixtures';
import { specificationFor } from '../../../test/given-when-then';
import { evolveApplication, foldApplication } from '../../application/evolve';
import type { ApplicationEvent } from '../../application/events';
import {
  initialApplicationState,
  type AdoptedApplication,
  type ApplicationState,
} from '../../application/state';
import type { Decision } from '../../decision';
import { evolveBudget } from '../../budget/evolve';
import type { ApplicationPlan } from '../../plan/application-plan';
import { decideCommand } from '../../workflow/decide-command';
import { applicationStream, fiscalYearStream, streamIdOf, type StreamState } from '../../workflow/stream-ref';
import type { AwardCommand } from '../commands';
import { decideAwardCommand } from './index';

const given = specificationFor({
  decide: (award: AwardCommand, state: ApplicationState): Decision<ApplicationEvent> =>
    decideAwardCommand(award, state),
  evolve: evolveApplication,
  initialState: initialApplicationState,
});

const SHA = 'a'.repeat(64);
const receipt = { name: '交付申請書.pdf', sha256: SHA, size: 123_456 };
const at = {
  applied: '2025-08-01T10:00:00+09:00',
  decided: '2025-08-20T10:00:00+09:00',
  changed: '2025-10-01T10:00:00+09:00',
  reported: '2026-04-05T10:00:00+09:00',
  confirmed: '2026-05-01T10:00:00+09:00',
  paid: '2026-05-20T10:00:00+09:00',
};

/** The post-award commands of the adopted fixture (approved 20,000,000, national share 15,000,000 at 3/4). */
const award = {
  apply: (amount = 20_000_000, when = at.applied, actor = townOfficer) =>
    ({
      type: 'ApplyForGrant',
      data: { applicationId: APPLICATION_ID, amount, documents: [receipt] },
      metadata: metadata(actor, when),
    }) as const,
  decide: (grant = 18_000_000, when = at.decided) =>
    ({
      type: 'DecideGrant',
      data: { applicationId: APPLICATION_ID, grant, conditions: '交付要綱に従うこと' },
      metadata: metadata(programOfficer, when),
    }) as const,
  change: (plan: ApplicationPlan, changeId = 'change-1') =>
    ({
      type: 'ChangePlan',
      data: { applicationId: APPLICATION_ID, changeId, plan, reason: '見積の更新', documents: [] },
      metadata: metadata(townOfficer, at.changed),
    }) as const,
  abandon: (changeId = 'abandon-1') =>
    ({
      type: 'RequestAbandonment',
      data: { applicationId: APPLICATION_ID, changeId, reason: '事業者の廃業' },
      metadata: metadata(townOfficer, at.changed),
    }) as const,
  decideChange: (changeId: string, outcome: 'approved' | 'refused' = 'approved') =>
    ({
      type: 'DecidePlanChange',
      data: { applicationId: APPLICATION_ID, changeId, outcome, reason: '妥当' },
      metadata: metadata(programOfficer, at.changed),
    }) as const,
  report: (eligible = 50_000_000, loan = 40_000_000, grantPaid = 18_000_000, when = at.reported) =>
    ({
      type: 'ReportPerformance',
      data: {
        applicationId: APPLICATION_ID,
        actualCosts: [{ category: 'facility', amount: eligible }],
        actualFinancing: {
          loan: { amount: loan, lenderType: 'regional_bank' },
          ownFunds: 2_000_000,
        },
        grantPaid,
        completedOn: '2026-03-20',
        documents: [receipt],
      },
      metadata: metadata(townOfficer, when),
    }) as const,
  confirm: (grant?: number, reason?: string) =>
    ({
      type: 'ConfirmAmount',
      data: {
        applicationId: APPLICATION_ID,
        ...(grant === undefined ? {} : { grant }),
        ...(reason === undefined ? {} : { reason }),
      },
      metadata: metadata(programOfficer, at.confirmed),
    }) as const,
  pay: (amount: number) =>
    ({
      type: 'RecordPayment',
      data: { applicationId: APPLICATION_ID, amount, paidOn: '2026-05-20' },
      metadata: metadata(programOfficer, at.paid),
    }) as const,
};

const adopted = (): ApplicationEvent[] => historyOf(story.adopted());
const then = (history: readonly ApplicationEvent[], ...commands: AwardCommand[]): ApplicationEvent[] => {
  const events = [...history];
  for (const next of commands) {
    const decided = decideAwardCommand(next, foldApplication(events));
    if (!decided.ok) throw new Error(`${next.type} refused: ${decided.error.message}`);
    events.push(...decided.events);
  }
  return events;
};
const awardOf = (events: readonly ApplicationEvent[]) =>
  (foldApplication(events) as AdoptedApplication).award;

describe('交付申請 (ApplyForGrant)', () => {
  it('is open after adoption for at most the approved grant, due 30 days after adoption', () => {
    const state = given(adopted())
      .when(award.apply())
      .then([
        {
          type: 'GrantApplied',
          data: {
            applicationId: APPLICATION_ID,
            amount: 20_000_000,
            documents: [receipt],
            dueDate: '2025-08-14',
            late: false,
            appliedAt: at.applied,
            appliedBy: townOfficer.sub,
          },
        },
      ]);
    expect(state.status).toBe('grant_applied');
  });

  it('says when it came after its due date', () => {
    const late = decideAwardCommand(
      award.apply(20_000_000, '2025-08-15T00:00:00+09:00'),
      foldApplication(adopted()),
    );
    expect(late).toMatchObject({ ok: true, events: [{ data: { late: true } }] });
  });

  it('refuses one yen more than the approved grant, naming the rule', () => {
    given(adopted())
      .when(award.apply(20_000_001))
      .thenRejectsWith({
        code: 'grant_exceeds_approved',
        violations: [expect.objectContaining({ rule: 'grant_within_approved', field: 'amount' })],
      });
  });

  it('is refused before adoption, and hidden from another municipality', () => {
    given(historyOf(story.reviewed())).when(award.apply()).thenRejects('invalid_state');
    given(adopted())
      .when(award.apply(20_000_000, at.applied, foreignOfficer))
      .thenRejects('not_found');
  });

  it('refuses a document reference without a proper SHA-256', () => {
    given(adopted())
      .when({ ...award.apply(), data: { ...award.apply().data, documents: [{ ...receipt, sha256: 'abc' }] } })
      .thenRejectsWith({
        code: 'invalid_command',
        violations: [expect.objectContaining({ field: 'documents[0]' })],
      });
  });
});

describe('交付決定 (DecideGrant)', () => {
  it('recomputes the national share with the decided grant and releases the difference', () => {
    given(then(adopted(), award.apply()))
      .when(award.decide(18_000_000))
      .then([
        {
          type: 'GrantDecided',
          data: expect.objectContaining({
            grant: 18_000_000,
            funding: expect.objectContaining({ grant: 18_000_000, nationalShare: 13_500_000 }),
            released: 1_500_000,
          }),
        },
      ]);
  });

  it('refuses more than was applied for', () => {
    given(then(adopted(), award.apply(19_000_000)))
      .when(award.decide(19_000_001))
      .thenRejectsWith({
        code: 'grant_exceeds_application',
        violations: [expect.objectContaining({ rule: 'grant_within_application' })],
      });
  });

  it('books the decision on the fiscal year in the same decision', () => {
    const history = then(adopted(), award.apply());
    const budget = evolveBudget(budgetOfFy2025(100_000_000), {
      type: 'NationalShareCommitted',
      data: {
        fiscalYear: 2025,
        applicationId: APPLICATION_ID,
        amount: 15_000_000,
        committedAt: '',
        committedBy: '',
      },
    });
    const decided = decideCommand(
      award.decide(18_000_000),
      new Map<string, StreamState>([
        [streamIdOf(applicationStream(APPLICATION_ID)), foldApplication(history)],
        [streamIdOf(fiscalYearStream(2025)), budget],
      ]),
    );
    if (!decided.ok) throw new Error(decided.error.message);
    const [, booking] = decided.streams;
    const after = booking.events.reduce((state, event) => evolveBudget(state, event as never), budget);
    expect(after).toMatchObject({ committed: 13_500_000, decided: 13_500_000, released: 1_500_000 });
    expect(after.commitments[APPLICATION_ID]).toBe(13_500_000);
  });
});

describe('計画変更 (ChangePlan, RequestAbandonment, DecidePlanChange)', () => {
  const decided = () => then(adopted(), award.apply(), award.decide());
  const withCosts = (first: number, second = 15_000_000): ApplicationPlan => ({
    ...completePlan,
    costs: [
      { category: 'facility', amount: first },
      { category: 'machinery', amount: second },
    ],
    funding: {
      ...completePlan.funding,
      grant: 18_000_000,
      ownFunds: first + second - 30_000_000 - 18_000_000,
    },
  });
  const facilityOnly = (amount: number): ApplicationPlan => ({
    ...completePlan,
    costs: [{ category: 'facility', amount }],
    funding: { ...completePlan.funding, grant: 18_000_000, ownFunds: amount - 30_000_000 - 18_000_000 },
  });

  it('lets a minor change take effect at once, recorded as notified', () => {
    const state = given(decided())
      .when(award.change(facilityOnly(66_000_000)))
      .then([
        {
          type: 'PlanChangeNotified',
          data: expect.objectContaining({
            changeId: 'change-1',
            costMoves: [expect.objectContaining({ category: 'facility', material: false })],
          }),
        },
      ]);
    expect(state.status).toBe('grant_decided');
    expect(state.status !== 'none' && state.plan.costs).toEqual([
      { category: 'facility', amount: 66_000_000 },
    ]);
  });

  it('holds a material change for approval, then applies it when approved', () => {
    const requested = then(decided(), award.change(withCosts(60_000_000)));
    expect(foldApplication(requested).status).toBe('change_requested');
    const before = foldApplication(requested);
    expect(before.status !== 'none' && before.plan.costs).toEqual(completePlan.costs);
    const approved = foldApplication(then(requested, award.decideChange('change-1')));
    expect(approved.status).toBe('grant_decided');
    expect(approved.status !== 'none' && approved.plan.costs?.length).toBe(2);
  });

  it('names why a change is material: a category moved, the completion left the fiscal year', () => {
    const later = {
      ...facilityOnly(60_000_000),
      schedule: { start: '2025-08-01', completion: '2026-04-30', extendedCompletionReason: '設備の納期遅延' },
    };
    const decision = decideAwardCommand(award.change(later), foldApplication(decided()));
    expect(decision).toMatchObject({
      ok: true,
      events: [{ type: 'PlanChangeRequested', data: { grounds: ['completion_leaves_fiscal_year'] } }],
    });
    const moved = decideAwardCommand(award.change(facilityOnly(72_000_001)), foldApplication(decided()));
    expect(moved).toMatchObject({
      ok: true,
      events: [{ type: 'PlanChangeRequested', data: { grounds: ['cost_category_moved'] } }],
    });
  });

  it('never lets a change raise the decided grant', () => {
    const raised = {
      ...facilityOnly(60_000_000),
      funding: { ...completePlan.funding, grant: 18_000_001, ownFunds: 11_999_999 },
    };
    given(decided())
      .when(award.change(raised))
      .thenRejectsWith({
        code: 'decided_grant_increased',
        violations: [expect.objectContaining({ rule: 'decided_grant_not_increased' })],
      });
  });

  it('refuses a changed plan that breaks a funding rule of its rule set', () => {
    const halfBroken = {
      ...facilityOnly(30_000_000),
      funding: { ...completePlan.funding, grant: 18_000_000, ownFunds: -18_000_000 },
    };
    given(decided()).when(award.change(halfBroken)).thenRejects('rule_violations');
  });

  it('releases the whole commitment when an abandonment is approved', () => {
    const requested = then(decided(), award.abandon());
    expect(foldApplication(requested).status).toBe('change_requested');
    const abandoned = then(requested, award.decideChange('abandon-1'));
    const state = foldApplication(abandoned) as AdoptedApplication;
    expect(state.status).toBe('abandoned');
    expect(state.award.commitment).toBe(0);
    expect(abandoned.at(-1)).toMatchObject({
      type: 'PlanChangeApproved',
      data: { kind: 'abandonment', released: 13_500_000 },
    });
  });

  it('returns to where it was when a change is refused, and answers no decision for an unknown change', () => {
    const refused = foldApplication(
      then(decided(), award.abandon(), award.decideChange('abandon-1', 'refused')),
    );
    expect(refused.status).toBe('grant_decided');
    given(then(decided(), award.abandon()))
      .when(award.decideChange('elsewhere'))
      .thenRejects('no_pending_change');
  });
});

describe('実績報告 and 額の確定 (ReportPerformance, ConfirmAmount, RecordPayment)', () => {
  const reported = (eligible = 50_000_000, loan = 40_000_000, grantPaid = 18_000_000) =>
    then(adopted(), award.apply(), award.decide(), award.report(eligible, loan, grantPaid));

  it('dates the report one month after completion, and marks it late after that', () => {
    const onTime = awardOf(reported()).report;
    expect(onTime).toMatchObject({ dueDate: '2026-04-10', late: false });
    const late = decideAwardCommand(
      award.report(50_000_000, 40_000_000, 18_000_000, '2026-04-11T09:00:00+09:00'),
      foldApplication(then(adopted(), award.apply(), award.decide())),
    );
    expect(late).toMatchObject({ ok: true, events: [{ data: { late: true } }] });
  });

  it('confirms the least of decided, paid and allowed, naming the rule that limited it', () => {
    const confirmed = then(reported(30_000_000, 30_000_000, 18_000_000), award.confirm());
    const { confirmation, commitment } = awardOf(confirmed);
    expect(confirmation).toMatchObject({
      decidedGrant: 18_000_000,
      grantPaid: 18_000_000,
      largestAllowed: 15_000_000,
      confirmedGrant: 15_000_000,
      limitedBy: 'grant_within_half_of_eligible_cost',
      funding: { grant: 15_000_000, nationalShare: 11_250_000 },
      released: 2_250_000,
      refundDue: 0,
    });
    expect(confirmation?.planVsActual).toMatchObject({
      eligibleCost: { planned: 60_000_000, actual: 30_000_000 },
      grant: { planned: 18_000_000, actual: 18_000_000 },
      nationalShare: { planned: 13_500_000, actual: 11_250_000 },
      completion: { planned: '2026-03-31', actual: '2026-03-20' },
    });
    expect(commitment).toBe(11_250_000);
  });

  it('is limited by the grant the municipality actually paid, when that is the least', () => {
    const { confirmation } = awardOf(then(reported(50_000_000, 40_000_000, 16_000_000), award.confirm()));
    expect(confirmation).toMatchObject({ confirmedGrant: 16_000_000, limitedBy: 'grant_paid' });
  });

  it('lets the officer confirm lower still with a reason, and no higher', () => {
    const { confirmation } = awardOf(then(reported(), award.confirm(17_000_000, '対象外経費を除外')));
    expect(confirmation).toMatchObject({
      confirmedGrant: 17_000_000,
      limitedBy: 'officer_reduction',
      reason: '対象外経費を除外',
    });
    given(reported()).when(award.confirm(18_000_001, '増額')).thenRejects('confirmation_not_lower');
  });

  it('pays at most the confirmed national share, and records a refund due when a correction lowers it', () => {
    const confirmed = then(reported(), award.confirm());
    const share = awardOf(confirmed).confirmation?.funding.nationalShare ?? 0;
    expect(share).toBe(13_500_000);
    given(confirmed)
      .when(award.pay(share + 1))
      .thenRejects('payment_exceeds_confirmed');
    const paid = then(confirmed, award.pay(share));
    expect(foldApplication(paid).status).toBe('paid');
    const corrected = awardOf(then(paid, award.confirm(16_000_000, '会計検査院の指摘')));
    expect(corrected).toMatchObject({
      refundDue: 1_500_000,
      confirmation: { funding: { nationalShare: 12_000_000 } },
    });
  });
});

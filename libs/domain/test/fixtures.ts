import { fresh } from '@l10k/rules';
import type { Actor } from '../src/actor';
import type { ApplicationCommand } from '../src/application/commands';
import type { ApplicationContext } from '../src/application/context';
import { decideApplicationCommand } from '../src/application/decide';
import type { ApplicationEvent } from '../src/application/events';
import { evolveApplication } from '../src/application/evolve';
import type { Assessments } from '../src/application/review';
import { initialApplicationState } from '../src/application/state';
import { foldBudget } from '../src/budget/evolve';
import type { BudgetState } from '../src/budget/state';
import type { ApplicationPlan } from '../src/plan/application-plan';
import type { FundingFigures } from '../src/plan/funding-figures';
import { specificationFor } from './given-when-then';

export const APPLICATION_ID = '0b6c5a4e-2f51-4c1e-9a43-6d0f3c2b9e71';
/** 岩手県遠野市 (a valid check digit). */
export const TOWN = '032077';
export const OTHER_TOWN = '011002';

export const townOfficer: Actor = { sub: 'officer-tono', role: 'municipality', municipalityCode: TOWN };
export const foreignOfficer: Actor = {
  sub: 'officer-sapporo',
  role: 'municipality',
  municipalityCode: OTHER_TOWN,
};
export const programOfficer: Actor = { sub: 'po-mic', role: 'program_officer' };
export const auditor: Actor = { sub: 'auditor-1', role: 'auditor' };
export const reviewerA: Actor = { sub: 'reviewer-a', role: 'reviewer' };
export const reviewerB: Actor = { sub: 'reviewer-b', role: 'reviewer' };
export const reviewerC: Actor = { sub: 'reviewer-c', role: 'reviewer' };

/** Instants of one application's life in FY2025 (JST). */
export const T = {
  created: '2025-06-01T09:00:00+09:00',
  edited: '2025-06-03T09:00:00+09:00',
  /** Joins round 2025-06 (deadline the 10th). */
  submitted: '2025-06-05T10:00:00+09:00',
  assigned: '2025-06-12T10:00:00+09:00',
  declared: '2025-06-13T10:00:00+09:00',
  reviewed: '2025-06-20T10:00:00+09:00',
  revisionRequested: '2025-06-25T10:00:00+09:00',
  /** After the 10th: joins round 2025-08. */
  resubmitted: '2025-07-20T10:00:00+09:00',
  decided: '2025-07-15T10:00:00+09:00',
  withdrawn: '2025-06-30T10:00:00+09:00',
} as const;

/**
 * Total 60,000,000, all facility (eligible) = G 20,000,000 + L 30,000,000 (regional
 * bank, unsecured) + S 10,000,000; disadvantaged area, FSI 0.21 → rate 3/4.
 */
export const completePlan: ApplicationPlan = {
  business: { name: '遠野ブルワリー株式会社', corporateNumber: '1400001000001' },
  projectTitle: 'Hop-growing brewery with a farm restaurant',
  summary: 'Brews beer from local hops and serves it with local produce.',
  municipality: { disadvantagedArea: true, fiscalStrengthIndex: '0.21' },
  costs: [
    { category: 'facility', amount: 45_000_000, description: 'brewhouse renovation' },
    { category: 'facility', amount: 15_000_000, description: 'restaurant fit-out' },
  ],
  funding: {
    grant: 20_000_000,
    loan: { amount: 30_000_000, lenderType: 'regional_bank', lenderName: '岩手銀行', secured: false },
    ownFunds: 10_000_000,
  },
  priorityCategories: [],
  schedule: { start: '2025-08-01', completion: '2026-03-31' },
};

/** completePlan's figures under FY2025-v1, by hand (DOMAIN.md rules 1–5). */
export const completePlanFunding: FundingFigures = {
  track: 'national',
  totalCost: 60_000_000,
  eligibleCost: 60_000_000,
  grant: 20_000_000,
  // L / G = 1.5 → the 35,000,000 band.
  loanMultiple: '1.50',
  cap: 35_000_000,
  // G ≤ 25,000,000 keeps m < 1.5 within its 25,000,000 cap; higher breaks it.
  maxGrant: 25_000_000,
  subsidyRate: { numerator: 3, denominator: 4, basis: ['disadvantaged_area_fsi_below_0.25'] },
  nationalShare: 15_000_000,
  specialTaxShare: 2_500_000,
  municipalShare: 2_500_000,
};

/** The same plan on the local track: no national subsidy, special tax covers half. */
export const localPlan: ApplicationPlan = { ...fresh, ...completePlan, track: 'local' };
export const localPlanFunding: FundingFigures = {
  ...fresh,
  ...completePlanFunding,
  track: 'local',
  subsidyRate: { numerator: 0, denominator: 1, basis: ['no_national_subsidy'] },
  nationalShare: 0,
  specialTaxShare: 10_000_000,
  municipalShare: 10_000_000,
};

export const metadata = (actor: Actor, at: string) => ({ at, actor });

export const budgetOfFy2025 = (
  nationalBudget: number,
  intakeOpen = true,
  committed: Record<string, number> = {},
): BudgetState => {
  const base = foldBudget(
    [
      {
        type: 'FiscalYearBudgetSet',
        data: {
          fiscalYear: 2025,
          nationalBudget,
          intakeOpen,
          setAt: '2025-04-01T09:00:00+09:00',
          setBy: programOfficer.sub,
        },
      },
    ],
    2025,
  );
  const total = Object.values(committed).reduce((sum, amount) => sum + amount, 0);
  return { ...fresh, ...base, committed: total, commitments: committed };
};

export const ampleBudget = (): BudgetState => budgetOfFy2025(1_000_000_000);

export const allMet = (comment = 'met'): Assessments => ({
  local_resources: { met: true, comment },
  public_challenge: { met: true, comment },
  regional_financing: { met: true, comment },
  novelty: { met: true, comment },
  model_case: { met: true, comment },
});

/** Commands, each with the actor and instant it normally has. */
export const command = {
  create: (plan: ApplicationPlan = completePlan, at: string = T.created, actor: Actor = townOfficer) =>
    ({
      type: 'CreateApplication',
      data: { applicationId: APPLICATION_ID, municipalityCode: actor.municipalityCode ?? TOWN, plan },
      metadata: metadata(actor, at),
    }) as const,
  replacePlan: (plan: ApplicationPlan, at: string = T.edited, actor: Actor = townOfficer) =>
    ({
      type: 'ReplacePlan',
      data: { applicationId: APPLICATION_ID, plan },
      metadata: metadata(actor, at),
    }) as const,
  submit: (at: string = T.submitted, actor: Actor = townOfficer) =>
    ({
      type: 'SubmitApplication',
      data: { applicationId: APPLICATION_ID },
      metadata: metadata(actor, at),
    }) as const,
  withdraw: (
    reason = 'the business postponed the project',
    at: string = T.withdrawn,
    actor: Actor = townOfficer,
  ) =>
    ({
      type: 'WithdrawApplication',
      data: { applicationId: APPLICATION_ID, reason },
      metadata: metadata(actor, at),
    }) as const,
  assign: (reviewerId: string, at: string = T.assigned, actor: Actor = programOfficer) =>
    ({
      type: 'AssignReviewer',
      data: { applicationId: APPLICATION_ID, reviewerId },
      metadata: metadata(actor, at),
    }) as const,
  declare: (reviewer: Actor, hasConflict: boolean, detail?: string, at: string = T.declared) =>
    ({
      type: 'DeclareConflict',
      data: {
        applicationId: APPLICATION_ID,
        reviewerId: reviewer.sub,
        hasConflict,
        ...(detail !== undefined ? { detail } : {}),
      },
      metadata: metadata(reviewer, at),
    }) as const,
  review: (reviewer: Actor, assessments: Assessments = allMet(), at: string = T.reviewed) =>
    ({
      type: 'SubmitReview',
      data: { applicationId: APPLICATION_ID, assessments, recommendation: 'adopt', comment: 'a sound plan' },
      metadata: metadata(reviewer, at),
    }) as const,
  requestRevision: (
    reason = 'clarify the restaurant costs',
    at: string = T.revisionRequested,
    actor: Actor = programOfficer,
  ) =>
    ({
      type: 'RequestRevision',
      data: { applicationId: APPLICATION_ID, reason },
      metadata: metadata(actor, at),
    }) as const,
  resubmit: (at: string = T.resubmitted, actor: Actor = townOfficer) =>
    ({
      type: 'ResubmitApplication',
      data: { applicationId: APPLICATION_ID },
      metadata: metadata(actor, at),
    }) as const,
  adopt: (approvedGrant?: number, at: string = T.decided, actor: Actor = programOfficer) =>
    ({
      type: 'DecideApplication',
      data: {
        applicationId: APPLICATION_ID,
        outcome: 'adopted',
        reason: 'meets every requirement',
        ...(approvedGrant !== undefined ? { approvedGrant } : {}),
      },
      metadata: metadata(actor, at),
    }) as const,
  reject: (at: string = T.decided, actor: Actor = programOfficer) =>
    ({
      type: 'DecideApplication',
      data: { applicationId: APPLICATION_ID, outcome: 'rejected', reason: 'no model character' },
      metadata: metadata(actor, at),
    }) as const,
};

/**
 * A history made by running commands through the decider itself (each command's own
 * spec checks those events field by field), so a given-clause reads as the story.
 */
export const historyOf = (
  commands: readonly ApplicationCommand[],
  context: ApplicationContext = { budget: ampleBudget() },
): ApplicationEvent[] => {
  const events: ApplicationEvent[] = [];
  let state = initialApplicationState();
  for (const next of commands) {
    const decision = decideApplicationCommand(next, state, context);
    if (!decision.ok) throw new Error(`history step ${next.type} refused: ${JSON.stringify(decision.error)}`);
    events.push(...decision.events);
    state = decision.events.reduce(evolveApplication, state);
  }
  return events;
};

/** Stories the specs start from. */
export const story = {
  draft: () => [command.create()],
  submitted: (plan: ApplicationPlan = completePlan) => [command.create(plan), command.submit()],
  underReview: (plan: ApplicationPlan = completePlan) => [
    ...story.submitted(plan),
    command.assign(reviewerA.sub),
  ],
  /** Two reviewers who both declared no conflict and judged every requirement met; a third recused. */
  reviewed: (plan: ApplicationPlan = completePlan, assessments: Assessments = allMet()) => [
    ...story.submitted(plan),
    command.assign(reviewerA.sub),
    command.assign(reviewerB.sub),
    command.assign(reviewerC.sub),
    command.declare(reviewerA, false),
    command.declare(reviewerB, false),
    command.declare(reviewerC, true, 'my firm advises the lender'),
    command.review(reviewerA, assessments),
    command.review(reviewerB, assessments),
  ],
  revisionRequested: () => [...story.underReview(), command.requestRevision()],
  adopted: () => [...story.reviewed(), command.adopt()],
  rejected: () => [...story.reviewed(), command.reject()],
  withdrawn: () => [...story.submitted(), command.withdraw()],
};

export const given = specificationFor({
  decide: decideApplicationCommand,
  evolve: evolveApplication,
  initialState: initialApplicationState,
});

/** The round of `T.submitted` under FY2025-v1. */
export const june2025Round = {
  round: '2025-06',
  fiscalYear: 2025,
  deadline: '2025-06-10T23:59:59.999+09:00',
  // 10 June + 42 days.
  decisionDueDate: '2025-07-22',
} as const;

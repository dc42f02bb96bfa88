import {
  calculateFunding,
  largestGrantWithLimit,
  type FundingCalculation,
  type FundingPlan,
  fresh,
} from '@l10k/rules';
import { approvedFunding } from '../../application/approved-funding';
import { requireText } from '../../application/decide/guards';
import type { AdoptedApplication, ApplicationState } from '../../application/state';
import { submittedRuleSet } from '../../application/submitted-rule-set';
import { accept, refuse, type Checked, type Decision } from '../../decision';
import { domainError } from '../../errors';
import { fundingFiguresOf } from '../../plan/funding-figures';
import { toFundingPlan } from '../../plan/to-funding-plan';
import { guardRules } from '../../rules-errors';
import type { ConfirmAmount } from '../commands';
import type { AmountConfirmed, ConfirmationLimit, PlanVsActual } from '../events';
import { locateAward, positiveYen } from './guards';

type Report = NonNullable<AdoptedApplication['award']['report']>;

/** The plan with its costs and financing replaced by the report's actual figures. */
const actualPlanOf = (
  application: AdoptedApplication,
  report: Report,
  grant: number,
): FundingPlan | undefined => {
  const planned = toFundingPlan(application.plan, application.fiscalYear, application.municipalityCode);
  if (planned === undefined) return undefined;
  return {
    ...fresh,
    ...planned,
    costs: report.actualCosts,
    funding: { grant, loan: report.actualFinancing.loan, ownFunds: report.actualFinancing.ownFunds },
    schedule: planned.schedule && { ...fresh, ...planned.schedule, completion: report.completedOn },
  };
};

const byCategory = (costs: readonly { category: string; amount: number }[]) =>
  costs.reduce(
    (totals, cost) => totals.set(cost.category, (totals.get(cost.category) ?? 0) + cost.amount),
    new Map<string, number>(),
  );

const planVsActual = (
  application: AdoptedApplication,
  report: Report,
  decided: FundingCalculation,
  actual: FundingCalculation,
): PlanVsActual => {
  const plannedCosts = byCategory((application.plan.costs ?? []) as { category: string; amount: number }[]);
  const actualCosts = byCategory(report.actualCosts);
  return {
    totalCost: { planned: decided.totalCost, actual: actual.totalCost },
    eligibleCost: { planned: decided.eligibleCost, actual: actual.eligibleCost },
    loan: {
      planned: application.plan.funding?.loan?.amount ?? 0,
      actual: report.actualFinancing.loan.amount,
    },
    // A grant decided below the plan's is borne by own funds, as at adoption (approved-funding.ts).
    ownFunds: {
      planned:
        (application.plan.funding?.ownFunds ?? 0) + (application.plan.funding?.grant ?? 0) - decided.grant,
      actual: report.actualFinancing.ownFunds,
    },
    grant: { planned: decided.grant, actual: report.grantPaid },
    nationalShare: { planned: decided.nationalShare, actual: actual.nationalShare },
    specialTaxShare: { planned: decided.specialTaxShare, actual: actual.specialTaxShare },
    municipalShare: { planned: decided.municipalShare, actual: actual.municipalShare },
    completion: { planned: application.plan.schedule?.completion ?? '', actual: report.completedOn },
    costsByCategory: [...new Set([...plannedCosts.keys(), ...actualCosts.keys()])].map((category) => ({
      category,
      planned: plannedCosts.get(category) ?? 0,
      actual: actualCosts.get(category) ?? 0,
    })),
  };
};

interface Computed {
  readonly largestAllowed: number;
  readonly grant: number;
  readonly limitedBy: ConfirmationLimit;
}

/**
 * The least of the decided grant, the grant actually paid and the largest grant the
 * actual figures allow; on a tie the actuals' own rule is named first, since that is the
 * finding an auditor looks for.
 */
const computeConfirmation = (
  decidedGrant: number,
  grantPaid: number,
  plan: FundingPlan,
  ruleSet: Parameters<typeof calculateFunding>[1],
): Computed => {
  const { maxGrant, limitedBy } = largestGrantWithLimit(plan, ruleSet);
  const candidates: [number, ConfirmationLimit][] = [
    [maxGrant, limitedBy],
    [decidedGrant, 'decided_grant'],
    [grantPaid, 'grant_paid'],
  ];
  const [grant, limit] = candidates.reduce((least, candidate) =>
    candidate[0] < least[0] ? candidate : least,
  );
  return { largestAllowed: maxGrant, grant, limitedBy: limit };
};

/**
 * 額の確定: the decided rule set runs again on the actual figures. The confirmed national
 * share keeps the rate and rounding; what it frees of the commitment goes back to the
 * budget. A correction after confirmation may only lower the amount; what was paid
 * beyond the new share is recorded as a refund due.
 */
export const confirmAmount = (command: ConfirmAmount, state: ApplicationState): Decision<AmountConfirmed> => {
  const { data, metadata } = command;
  const located = locateAward(state, metadata, 'program_officer', 'reported', 'amount_confirmed', 'paid');
  if (!located.ok) return refuse(located.error);
  const application = located.value;
  const { award } = application;
  const report = award.report;
  const decision = award.grantDecision;
  if (report === undefined || decision === undefined)
    return refuse(domainError('invalid_state', 'no performance report to confirm'));
  if (data.grant !== undefined) {
    const notYen = positiveYen('grant', data.grant);
    if (notYen) return refuse(notYen);
    const noReason = requireText('reason', data.reason);
    if (noReason) return refuse(noReason);
  }
  const correction = award.confirmation;
  if (correction !== undefined && data.grant === undefined)
    return refuse(domainError('invalid_command', 'a correction names the lower grant and its reason'));

  const figured = guardRules((): Checked<AmountConfirmed['data']> => {
    const ruleSet = submittedRuleSet(application.ruleSetId);
    if (!ruleSet.ok) return ruleSet;
    const rules = { provisional: application.provisional };
    const probe = actualPlanOf(application, report, 1);
    const decidedPlan = actualPlanOf(application, report, decision.grant);
    if (probe === undefined || decidedPlan === undefined)
      return { ok: false, error: domainError('invalid_state', 'the plan lacks its funding figures') };
    const computed = computeConfirmation(decision.grant, report.grantPaid, probe, ruleSet.value);
    const ceiling = correction?.confirmedGrant ?? computed.grant;
    if (data.grant !== undefined && (correction ? data.grant >= ceiling : data.grant > ceiling)) {
      return {
        ok: false,
        error: domainError(
          'confirmation_not_lower',
          'an officer may only confirm lower than the figures allow',
          [
            {
              rule: 'confirmation_lower_than_computed',
              field: 'grant',
              message: `${data.grant} yen is not below the ${ceiling} yen ${correction ? 'confirmed' : 'the figures allow'}`,
              figures: { grant: data.grant, ceiling },
            },
          ],
        ),
      };
    }
    const confirmedGrant = data.grant ?? computed.grant;
    const limitedBy: ConfirmationLimit =
      data.grant !== undefined && data.grant < computed.grant ? 'officer_reduction' : computed.limitedBy;
    const actual = calculateFunding(
      { ...fresh, ...probe, funding: { ...fresh, ...probe.funding, grant: confirmedGrant } },
      ruleSet.value,
      rules,
    );
    const planned = approvedFunding(
      application.plan,
      application.fiscalYear,
      ruleSet.value,
      application.provisional,
      decision.grant,
      application.municipalityCode,
    );
    if (!planned.ok) return planned;
    const funding = fundingFiguresOf(actual);
    return {
      ok: true,
      value: {
        applicationId: application.id,
        fiscalYear: application.fiscalYear,
        ruleSetId: application.ruleSetId,
        decidedGrant: decision.grant,
        grantPaid: report.grantPaid,
        largestAllowed: computed.largestAllowed,
        confirmedGrant,
        limitedBy,
        ...(data.reason !== undefined && data.grant !== undefined ? { reason: data.reason } : {}),
        funding,
        planVsActual: planVsActual(application, report, planned.value, actual),
        released: award.commitment - funding.nationalShare,
        refundDue: Math.max(0, award.paid - funding.nationalShare),
        confirmedAt: metadata.at,
        confirmedBy: metadata.actor.sub,
      },
    };
  });
  if (!figured.ok) return refuse(figured.error);
  return accept({ type: 'AmountConfirmed', data: figured.value });
};

import { calculateFunding, costCategoryChanges, fiscalYearEndDate, type CostItem, fresh } from '@l10k/rules';
import { requireText } from '../../application/decide/guards';
import type { AdoptedApplication, ApplicationState } from '../../application/state';
import { submittedRuleSet } from '../../application/submitted-rule-set';
import { accept, refuse, type Checked, type Decision } from '../../decision';
import { domainError, type Violation } from '../../errors';
import type { ApplicationPlan } from '../../plan/application-plan';
import { checkCompleteness } from '../../plan/completeness';
import { toFundingPlan } from '../../plan/to-funding-plan';
import { guardRules } from '../../rules-errors';
import { postAwardRulesOf } from '../award';
import type { ChangePlan } from '../commands';
import type { CostMove, MaterialGround, PlanChangeNotified, PlanChangeRequested } from '../events';
import { documentViolations, locateAward, refusedDocuments } from './guards';

/** The decided grant: what a changed plan may not exceed. */
const decidedGrantOf = (application: AdoptedApplication): number =>
  application.award.grantDecision?.grant ?? application.decision.approvedGrant;

/**
 * Every funding rule of the application's rule set on the changed plan, and the decided
 * grant as a ceiling: an approved plan must still pass them all.
 */
const changedPlanViolations = (
  application: AdoptedApplication,
  plan: ApplicationPlan,
): Checked<Violation[]> =>
  guardRules(() => {
    const missing = checkCompleteness(plan);
    if (missing.length > 0) return { ok: true, value: missing };
    const ruleSet = submittedRuleSet(application.ruleSetId);
    if (!ruleSet.ok) return ruleSet;
    const fundingPlan = toFundingPlan(plan, application.fiscalYear, application.municipalityCode);
    if (fundingPlan === undefined) return { ok: true, value: checkCompleteness(plan) };
    const calculation = calculateFunding(fundingPlan, ruleSet.value, {
      provisional: application.provisional,
    });
    const decidedGrant = decidedGrantOf(application);
    const increased: Violation[] =
      fundingPlan.funding.grant > decidedGrant
        ? [
            {
              rule: 'decided_grant_not_increased',
              field: 'plan.funding.grant',
              message: `a changed plan may not raise the grant above the decided ${decidedGrant} yen (asked ${fundingPlan.funding.grant})`,
              figures: { grant: fundingPlan.funding.grant, decidedGrant },
            },
          ]
        : [];
    return { ok: true, value: [...calculation.violations, ...increased] };
  });

/** Why a change needs the officer's approval; none means a minor change (軽微な変更). */
const materialGrounds = (
  application: AdoptedApplication,
  plan: ApplicationPlan,
  costMoves: readonly CostMove[],
): MaterialGround[] => {
  const before = application.plan;
  const grounds: MaterialGround[] = [];
  if (costMoves.some((move) => move.material)) grounds.push('cost_category_moved');
  const completion = plan.schedule?.completion;
  if (completion !== undefined && completion > fiscalYearEndDate(application.fiscalYear))
    grounds.push('completion_leaves_fiscal_year');
  if (
    before.business?.name !== plan.business?.name ||
    before.business?.corporateNumber !== plan.business?.corporateNumber
  )
    grounds.push('business_changed');
  if (before.projectTitle !== plan.projectTitle) grounds.push('purpose_changed');
  return grounds;
};

/**
 * 計画変更 after the grant decision. A change that moves no cost category by more than
 * `minorChangeRatio`, keeps completion in the fiscal year and keeps the business and its
 * purpose takes effect at once (notified); anything else waits for the officer.
 */
export const changePlan = (
  command: ChangePlan,
  state: ApplicationState,
): Decision<PlanChangeNotified | PlanChangeRequested> => {
  const { data, metadata } = command;
  const located = locateAward(state, metadata, 'municipality', 'grant_decided');
  if (!located.ok) return refuse(located.error);
  const application = located.value;
  const noReason = requireText('reason', data.reason);
  if (noReason) return refuse(noReason);
  const badDocuments = documentViolations(data.documents);
  if (badDocuments.length > 0) return refuse(refusedDocuments(badDocuments));
  const checked = changedPlanViolations(application, data.plan);
  if (!checked.ok) return refuse(checked.error);
  if (checked.value.length > 0) {
    const increased = checked.value.some((violation) => violation.rule === 'decided_grant_not_increased');
    return refuse(
      domainError(
        increased ? 'decided_grant_increased' : 'rule_violations',
        'the changed plan breaks a funding rule',
        checked.value,
      ),
    );
  }
  const moves = costCategoryChanges(
    (application.plan.costs ?? []) as readonly CostItem[],
    (data.plan.costs ?? []) as readonly CostItem[],
    postAwardRulesOf(application.ruleSetId),
  );
  const grounds = materialGrounds(application, data.plan, moves);
  const common = {
    applicationId: application.id,
    changeId: data.changeId,
    plan: data.plan,
    reason: data.reason,
    costMoves: moves,
    documents: data.documents,
  };
  if (grounds.length === 0) {
    return accept({
      type: 'PlanChangeNotified',
      data: { ...fresh, ...common, notifiedAt: metadata.at, notifiedBy: metadata.actor.sub },
    });
  }
  return accept({
    type: 'PlanChangeRequested',
    data: {
      ...fresh,
      ...common,
      kind: 'change',
      grounds,
      requestedAt: metadata.at,
      requestedBy: metadata.actor.sub,
    },
  });
};

import { approvedFunding } from '../../application/approved-funding';
import { requireText } from '../../application/decide/guards';
import type { ApplicationState } from '../../application/state';
import { submittedRuleSet } from '../../application/submitted-rule-set';
import { accept, refuse, type Decision } from '../../decision';
import { domainError } from '../../errors';
import { fundingFiguresOf } from '../../plan/funding-figures';
import { guardRules } from '../../rules-errors';
import type { DecideGrant } from '../commands';
import type { GrantDecided } from '../events';
import { locateAward, positiveYen } from './guards';

/**
 * 交付決定: at most the applied amount. The national share is recomputed under the rule set
 * that decided the application; what the adoption committed beyond it is released (the
 * budget side is appended with it, see workflow/decide-command.ts).
 */
export const decideGrant = (command: DecideGrant, state: ApplicationState): Decision<GrantDecided> => {
  const { data, metadata } = command;
  const located = locateAward(state, metadata, 'program_officer', 'grant_applied');
  if (!located.ok) return refuse(located.error);
  const application = located.value;
  const notYen = positiveYen('grant', data.grant);
  if (notYen) return refuse(notYen);
  const noConditions = requireText('conditions', data.conditions);
  if (noConditions) return refuse(noConditions);
  const applied = application.award.grantApplication?.amount ?? 0;
  if (data.grant > applied) {
    return refuse(
      domainError('grant_exceeds_application', 'the decided grant exceeds the grant applied for', [
        {
          rule: 'grant_within_application',
          field: 'grant',
          message: `the decided grant, ${data.grant} yen, exceeds the ${applied} yen applied for`,
          figures: { grant: data.grant, applied },
        },
      ]),
    );
  }
  const ruleSet = submittedRuleSet(application.ruleSetId);
  if (!ruleSet.ok) return refuse(ruleSet.error);
  const calculation = guardRules(() =>
    approvedFunding(
      application.plan,
      application.fiscalYear,
      ruleSet.value,
      application.provisional,
      data.grant,
      application.municipalityCode,
    ),
  );
  if (!calculation.ok) return refuse(calculation.error);
  const funding = fundingFiguresOf(calculation.value);
  return accept({
    type: 'GrantDecided',
    data: {
      applicationId: application.id,
      fiscalYear: application.fiscalYear,
      grant: data.grant,
      conditions: data.conditions,
      ruleSetId: application.ruleSetId,
      funding,
      released: application.award.commitment - funding.nationalShare,
      decidedAt: metadata.at,
      decidedBy: metadata.actor.sub,
    },
  });
};

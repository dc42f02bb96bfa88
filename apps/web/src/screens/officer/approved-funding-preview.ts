import { api } from '../../api/client';
import type { components } from '../../api/schema';
import type { ApplicationView } from '../application-read/application-view';

type FundingPlan = components['schemas']['FundingPlanDto'];
export type Calculation = components['schemas']['FundingCalculationResponse'];

/**
 * The figures an adoption at `approvedGrant` will record, asked of the public calculator the
 * way the decider recomputes them (libs/domain approved-funding): the business's own funds
 * grow by what the grant loses, the costs and the loan stay as planned.
 */
export async function approvedFundingPreview(
  application: ApplicationView,
  approvedGrant: number,
): Promise<Calculation | undefined> {
  const { plan } = application;
  const funding = plan.funding;
  const loan = funding?.loan;
  if (
    !funding ||
    funding.grant === undefined ||
    funding.ownFunds === undefined ||
    !loan?.amount ||
    !loan.lenderType ||
    application.fiscalYear === undefined
  )
    return undefined;
  const request: FundingPlan = {
    fiscalYear: application.fiscalYear,
    track: plan.track,
    municipality: {
      disadvantagedArea: plan.municipality?.disadvantagedArea ?? false,
      fiscalStrengthIndex: plan.municipality?.fiscalStrengthIndex ?? 0,
      code: application.municipalityCode,
    },
    costs: (plan.costs ?? []).flatMap((cost) =>
      cost.category && cost.amount !== undefined
        ? [
            {
              category: cost.category,
              amount: cost.amount,
              ...(cost.description ? { description: cost.description } : {}),
            },
          ]
        : [],
    ),
    funding: {
      grant: approvedGrant,
      loan: { ...loan, amount: loan.amount, lenderType: loan.lenderType },
      ownFunds: funding.ownFunds + (funding.grant - approvedGrant),
    },
    priorityCategories: plan.priorityCategories,
    ...(plan.schedule?.start && plan.schedule.completion
      ? {
          schedule: {
            start: plan.schedule.start,
            completion: plan.schedule.completion,
            ...(plan.schedule.extendedCompletionReason
              ? { extendedCompletionReason: plan.schedule.extendedCompletionReason }
              : {}),
          },
        }
      : {}),
  };
  const { data } = await api.POST('/v1/funding/calculations', { body: request });
  return data;
}

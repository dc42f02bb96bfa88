import { financingNoun } from './financing-noun';
import { capBandFor, loanMultipleOf } from './grant-cap';
import { FinancingForm, Loan, Track } from './plan';
import { RuleIssue } from './rule-issue';
import { TrackRules } from './rule-set';
import { formatYen } from './yen';

export interface FundingFigures {
  readonly grant: bigint;
  readonly loan: bigint;
  readonly ownFunds: bigint;
  readonly totalCost: bigint;
  readonly eligibleCost: bigint;
}

/**
 * The grant rules: G > 0, G + L + S = total, rule 1 (where the track applies it), rule 2
 * and rule 3. L is a loan or an equity investment alike; only the wording differs.
 */
export function grantViolations(
  figures: FundingFigures,
  rules: TrackRules,
  form?: FinancingForm,
): RuleIssue[] {
  const { grant, loan, ownFunds, totalCost, eligibleCost } = figures;
  const noun = financingNoun(form);
  const violations: RuleIssue[] = [];

  if (grant <= 0n) {
    violations.push({
      rule: 'grant_positive',
      field: 'funding.grant',
      message: `The grant must be more than 0 yen; it is ${formatYen(grant)}.`,
      figures: { grant: Number(grant) },
    });
  }

  const funding = grant + loan + ownFunds;
  if (funding !== totalCost) {
    violations.push({
      rule: 'funding_matches_total_cost',
      field: 'funding',
      message:
        `Grant ${formatYen(grant)} + ${noun} ${formatYen(loan)} + own funds ${formatYen(ownFunds)} = ${formatYen(funding)}, ` +
        `but the total investment is ${formatYen(totalCost)}.`,
      figures: {
        grant: Number(grant),
        loan: Number(loan),
        ownFunds: Number(ownFunds),
        funding: Number(funding),
        totalCost: Number(totalCost),
      },
    });
  }

  if (rules.loanAtLeastGrant && loan < grant) {
    violations.push({
      rule: 'loan_at_least_grant',
      field: 'funding.loan.amount',
      message: `The ${noun} of ${formatYen(loan)} must be at least the grant of ${formatYen(grant)}.`,
      figures: { loan: Number(loan), grant: Number(grant) },
    });
  }

  if (grant > 0n) {
    const { cap } = capBandFor(loan, grant, rules.capBands);
    if (grant > BigInt(cap)) {
      const loanMultiple = loanMultipleOf(loan, grant) ?? '';
      violations.push({
        rule: 'grant_within_cap',
        field: 'funding.grant',
        message:
          `The grant of ${formatYen(grant)} exceeds the cap of ${formatYen(cap)} ` +
          `for a loan multiple of ${loanMultiple} (${noun} ${formatYen(loan)}).`,
        figures: { grant: Number(grant), cap, loan: Number(loan), loanMultiple },
      });
    }
  }

  if (2n * grant > eligibleCost) {
    violations.push({
      rule: 'grant_within_half_of_eligible_cost',
      field: 'funding.grant',
      message:
        `The grant of ${formatYen(grant)} exceeds half of the eligible cost of ${formatYen(eligibleCost)} ` +
        `(at most ${formatYen(eligibleCost / 2n)}).`,
      figures: { grant: Number(grant), eligibleCost: Number(eligibleCost), limit: Number(eligibleCost / 2n) },
    });
  }

  return violations;
}

/** The lender's type must qualify on the track (where `outside_financing_present` does not stand in). */
export function lenderViolations(loan: Loan, rules: TrackRules, track: Track): RuleIssue[] {
  if (rules.outsideFinancingRequired || rules.eligibleLenderTypes.includes(loan.lenderType)) return [];
  return [
    {
      rule: 'lender_eligible',
      field: 'funding.loan.lenderType',
      message:
        `A lender of type ${loan.lenderType} does not qualify on the ${track} track ` +
        `(qualifying: ${rules.eligibleLenderTypes.join(', ')}).`,
      figures: { lenderType: loan.lenderType },
    },
  ];
}

/**
 * Local track (「融資、クラウドファンディング等」): L > 0 from an eligible lender type or
 * crowdfunding. One violation, on the amount when there is none, else on the type.
 */
export function outsideFinancingViolations(
  loan: Loan,
  amount: bigint,
  rules: TrackRules,
  track: Track,
): RuleIssue[] {
  if (!rules.outsideFinancingRequired) return [];
  const eligibleType = rules.eligibleLenderTypes.includes(loan.lenderType);
  if (amount > 0n && eligibleType) return [];
  const counting = rules.eligibleLenderTypes.join(', ');
  return [
    {
      rule: 'outside_financing_present',
      field: amount > 0n ? 'funding.loan.lenderType' : 'funding.loan.amount',
      message:
        amount > 0n
          ? `A ${financingNoun(loan.form)} from a lender of type ${loan.lenderType} is not outside financing ` +
            `on the ${track} track (counting: ${counting}).`
          : `The ${track} track needs outside financing (a loan, an equity investment or crowdfunding) ` +
            `of more than 0 yen from one of ${counting}; it is ${formatYen(amount)}.`,
      figures: { loan: Number(amount), lenderType: loan.lenderType },
    },
  ];
}

/** Loans are unsecured in principle on the national track: a secured one needs a stated reason. */
export function securedLoanWarnings(loan: Loan, rules: TrackRules): RuleIssue[] {
  if (!rules.securedLoanWarns || loan.secured !== true || (loan.securedReason ?? '').trim() !== '') return [];
  return [
    {
      rule: 'loan_unsecured',
      field: 'funding.loan.secured',
      message: `The ${financingNoun(loan.form)} of ${formatYen(loan.amount)} is secured; loans are unsecured in principle, so state why it is secured.`,
      figures: { loan: loan.amount },
    },
  ];
}

import { integer, record, records, text, type Json } from '../../api/read-fields';
import { halfWidth } from '../../format/half-width';
import { isBadYen, parseYen, yenInputText } from '../../format/money';
import type { FieldIssue } from '../../messages/rule-messages';
import type { components } from '../../api/schema';

type ApplicationPlan = components['schemas']['ApplicationPlanDto'];
type CalculationRequest = components['schemas']['FundingPlanDto'];

export interface CostRow {
  readonly category: string;
  readonly amount: string;
  readonly description: string;
}

/** The form as typed: strings, as inputs hold them; turned into the API's plan on every save. */
export interface PlanForm {
  readonly track: string;
  readonly projectTitle: string;
  readonly summary: string;
  readonly disadvantagedArea: boolean;
  readonly fiscalStrengthIndex: string;
  readonly businessName: string;
  readonly corporateNumber: string;
  readonly costs: readonly CostRow[];
  readonly grant: string;
  readonly loanAmount: string;
  /** 融資 or 出資: an equity investment counts exactly as a loan. */
  readonly loanForm: string;
  readonly lenderType: string;
  readonly lenderName: string;
  readonly secured: boolean;
  readonly securedReason: string;
  readonly ownFunds: string;
  readonly priorityCategories: readonly string[];
  readonly start: string;
  readonly completion: string;
  readonly extendedCompletionReason: string;
}

export const EMPTY_COST: CostRow = { category: 'facility', amount: '', description: '' };

export const EMPTY_FORM: PlanForm = {
  track: 'national',
  projectTitle: '',
  summary: '',
  disadvantagedArea: false,
  fiscalStrengthIndex: '',
  businessName: '',
  corporateNumber: '',
  costs: [EMPTY_COST],
  grant: '',
  loanAmount: '',
  loanForm: 'loan',
  lenderType: '',
  lenderName: '',
  secured: false,
  securedReason: '',
  ownFunds: '',
  priorityCategories: [],
  start: '',
  completion: '',
  extendedCompletionReason: '',
};

function parseIndex(typed: string): number | undefined {
  const value = halfWidth(typed);
  return /^\d(\.\d{1,2})?$/.test(value) ? Number(value) : undefined;
}

/** 法人番号 as saved: 13 digits, or nothing. */
function corporateNumberOf(typed: string): string | undefined {
  const value = halfWidth(typed);
  return /^\d{13}$/.test(value) ? value : undefined;
}

/**
 * What is typed but cannot be saved as it stands, told beside its field as it is typed: the
 * plan leaves such a field out (toPlan), so without a word the text would look saved and be
 * gone on the next load.
 */
export function typingIssues(form: PlanForm): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const yen = (field: string, typed: string) => {
    if (isBadYen(typed)) issues.push({ field, rule: 'is_int', message: '' });
  };
  if (form.fiscalStrengthIndex.trim() !== '' && parseIndex(form.fiscalStrengthIndex) === undefined)
    issues.push({
      field: 'municipality.fiscalStrengthIndex',
      rule: 'fiscal_strength_index_typed',
      message: '',
    });
  if (form.corporateNumber.trim() !== '' && corporateNumberOf(form.corporateNumber) === undefined)
    issues.push({ field: 'business.corporateNumber', rule: 'corporate_number_typed', message: '' });
  form.costs.forEach((row, index) => yen(`costs[${index}].amount`, row.amount));
  yen('funding.grant', form.grant);
  yen('funding.loan.amount', form.loanAmount);
  yen('funding.ownFunds', form.ownFunds);
  return issues;
}

/** The plan as the API stores it: what is filled in, nothing invented. */
export function toPlan(form: PlanForm): ApplicationPlan {
  const corporateNumber = corporateNumberOf(form.corporateNumber);
  const loan = {
    ...(parseYen(form.loanAmount) !== undefined ? { amount: parseYen(form.loanAmount) } : {}),
    form: form.loanForm,
    ...(form.lenderType ? { lenderType: form.lenderType } : {}),
    ...(form.lenderName.trim() ? { lenderName: form.lenderName.trim() } : {}),
    secured: form.secured,
    ...(form.secured && form.securedReason.trim() ? { securedReason: form.securedReason.trim() } : {}),
  };
  const plan = {
    track: form.track,
    ...(form.projectTitle.trim() ? { projectTitle: form.projectTitle.trim() } : {}),
    ...(form.summary.trim() ? { summary: form.summary.trim() } : {}),
    municipality: {
      disadvantagedArea: form.disadvantagedArea,
      ...(parseIndex(form.fiscalStrengthIndex) !== undefined
        ? { fiscalStrengthIndex: parseIndex(form.fiscalStrengthIndex) }
        : {}),
    },
    business: {
      ...(form.businessName.trim() ? { name: form.businessName.trim() } : {}),
      ...(corporateNumber === undefined ? {} : { corporateNumber }),
    },
    costs: form.costs
      .filter((row) => row.amount.trim() || row.description.trim())
      .map((row) => ({
        category: row.category,
        ...(parseYen(row.amount) !== undefined ? { amount: parseYen(row.amount) } : {}),
        ...(row.description.trim() ? { description: row.description.trim() } : {}),
      })),
    funding: {
      ...(parseYen(form.grant) !== undefined ? { grant: parseYen(form.grant) } : {}),
      loan,
      ...(parseYen(form.ownFunds) !== undefined ? { ownFunds: parseYen(form.ownFunds) } : {}),
    },
    priorityCategories: [...form.priorityCategories],
    ...(form.start || form.completion
      ? {
          schedule: {
            ...(form.start ? { start: form.start } : {}),
            ...(form.completion ? { completion: form.completion } : {}),
            ...(form.extendedCompletionReason.trim()
              ? { extendedCompletionReason: form.extendedCompletionReason.trim() }
              : {}),
          },
        }
      : {}),
  };
  return plan as ApplicationPlan;
}

/** The calculator's question, once every figure it needs is there; otherwise what is missing. */
export function toCalculationRequest(
  form: PlanForm,
  fiscalYear: number,
  municipalityCode?: string,
): CalculationRequest | { missing: string[] } {
  const missing: string[] = [];
  const grant = parseYen(form.grant);
  const loanAmount = parseYen(form.loanAmount);
  const ownFunds = parseYen(form.ownFunds);
  const fiscalStrengthIndex = parseIndex(form.fiscalStrengthIndex);
  const costs = form.costs.filter((row) => parseYen(row.amount) !== undefined);
  if (fiscalStrengthIndex === undefined) missing.push('municipality.fiscalStrengthIndex');
  if (costs.length === 0) missing.push('costs');
  if (grant === undefined) missing.push('funding.grant');
  if (loanAmount === undefined) missing.push('funding.loan.amount');
  if (!form.lenderType) missing.push('funding.loan.lenderType');
  if (ownFunds === undefined) missing.push('funding.ownFunds');
  if (missing.length > 0) return { missing };
  return {
    fiscalYear,
    track: form.track as CalculationRequest['track'],
    municipality: {
      disadvantagedArea: form.disadvantagedArea,
      fiscalStrengthIndex: fiscalStrengthIndex!,
      ...(municipalityCode ? { code: municipalityCode } : {}),
    },
    costs: costs.map((row) => ({
      category: row.category as CalculationRequest['costs'][number]['category'],
      amount: parseYen(row.amount)!,
      ...(row.description.trim() ? { description: row.description.trim() } : {}),
    })),
    funding: {
      grant: grant!,
      loan: {
        amount: loanAmount!,
        form: form.loanForm as CalculationRequest['funding']['loan']['form'],
        lenderType: form.lenderType as CalculationRequest['funding']['loan']['lenderType'],
        ...(form.lenderName.trim() ? { lenderName: form.lenderName.trim() } : {}),
        secured: form.secured,
        ...(form.secured && form.securedReason.trim() ? { securedReason: form.securedReason.trim() } : {}),
      },
      ownFunds: ownFunds!,
    },
    priorityCategories: form.priorityCategories as CalculationRequest['priorityCategories'],
    ...(form.start && form.completion
      ? {
          schedule: {
            start: form.start,
            completion: form.completion,
            ...(form.extendedCompletionReason.trim()
              ? { extendedCompletionReason: form.extendedCompletionReason.trim() }
              : {}),
          },
        }
      : {}),
  };
}

/** The form for a stored plan (the application answer's `plan`). */
export function fromPlan(answerPlan: unknown): PlanForm {
  const plan: Json = record(answerPlan);
  const municipality = record(plan.municipality);
  const business = record(plan.business);
  const funding = record(plan.funding);
  const loan = record(funding.loan);
  const schedule = record(plan.schedule);
  const costs = records(plan.costs).map((cost) => ({
    category: text(cost.category) ?? 'facility',
    amount: yenInputText(integer(cost.amount)),
    description: text(cost.description) ?? '',
  }));
  const index = municipality.fiscalStrengthIndex;
  return {
    track: text(plan.track) ?? 'national',
    projectTitle: text(plan.projectTitle) ?? '',
    summary: text(plan.summary) ?? '',
    disadvantagedArea: municipality.disadvantagedArea === true,
    fiscalStrengthIndex: typeof index === 'number' || typeof index === 'string' ? String(index) : '',
    businessName: text(business.name) ?? '',
    corporateNumber: text(business.corporateNumber) ?? '',
    costs: costs.length > 0 ? costs : [EMPTY_COST],
    grant: yenInputText(integer(funding.grant)),
    loanAmount: yenInputText(integer(loan.amount)),
    loanForm: text(loan.form) ?? 'loan',
    lenderType: text(loan.lenderType) ?? '',
    lenderName: text(loan.lenderName) ?? '',
    secured: loan.secured === true,
    securedReason: text(loan.securedReason) ?? '',
    ownFunds: yenInputText(integer(funding.ownFunds)),
    priorityCategories: Array.isArray(plan.priorityCategories) ? plan.priorityCategories.map(String) : [],
    start: text(schedule.start) ?? '',
    completion: text(schedule.completion) ?? '',
    extendedCompletionReason: text(schedule.extendedCompletionReason) ?? '',
  };
}

/** Sum of the cost lines that hold whole yen. */
export function totalCost(form: PlanForm): number {
  return form.costs.reduce((sum, row) => sum + (parseYen(row.amount) ?? 0), 0);
}

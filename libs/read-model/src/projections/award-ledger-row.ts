import { isAdopted, postAwardRulesOf, type ExistingApplication } from '@l10k/domain';
import { performanceReportDueDate } from '@l10k/rules';
import type { AwardLedgerRow } from '../entities/award-ledger-entry.entity';

const instant = (iso: string | undefined): Date | null => (iso === undefined ? null : new Date(iso));

/** The report is due from the planned completion until it is filed; then the report's own date stands. */
function reportDueDate(state: ExistingApplication & { ruleSetId?: string }): string | null {
  if (!isAdopted(state)) return null;
  if (state.award.report) return state.award.report.dueDate;
  const completion = state.plan.schedule?.completion;
  if (completion === undefined || state.award.grantDecision === undefined) return null;
  try {
    return performanceReportDueDate(completion, postAwardRulesOf(state.ruleSetId));
  } catch {
    // A plan whose completion is no date never reached a grant decision; nothing is due.
    return null;
  }
}

/** The ledger row, by the entity's property names: approved → decided → confirmed → paid, and what is due. */
export function awardLedgerRow(
  state: ExistingApplication,
  revision: bigint,
  occurredAt: string,
): AwardLedgerRow {
  const award = isAdopted(state) ? state.award : undefined;
  const adoption = isAdopted(state) ? state.decision : undefined;
  return {
    applicationId: state.id,
    municipalityCode: state.municipalityCode,
    fiscalYear: state.status === 'draft' ? null : (state.fiscalYear ?? null),
    status: state.status,
    adoptedAt: instant(adoption?.decidedAt),
    approvedGrant: adoption?.approvedGrant ?? null,
    approvedNationalShare: adoption?.funding.nationalShare ?? null,
    grantApplicationDueDate: award?.grantApplicationDueDate ?? null,
    appliedGrant: award?.grantApplication?.amount ?? null,
    grantAppliedAt: instant(award?.grantApplication?.appliedAt),
    decidedGrant: award?.grantDecision?.grant ?? null,
    decidedNationalShare: award?.grantDecision?.funding.nationalShare ?? null,
    reportDueDate: reportDueDate(state),
    reportedAt: instant(award?.report?.reportedAt),
    confirmedGrant: award?.confirmation?.confirmedGrant ?? null,
    confirmedNationalShare: award?.confirmation?.funding.nationalShare ?? null,
    limitedBy: award?.confirmation?.limitedBy ?? null,
    commitment: award?.commitment ?? null,
    paid: award?.paid ?? 0,
    refundDue: award?.refundDue ?? 0,
    streamRevision: Number(revision),
    updatedAt: new Date(occurredAt),
  };
}

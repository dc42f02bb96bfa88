import { performanceReportDueDate, japanDateOf } from '@l10k/rules';
import type { ApplicationState } from '../../application/state';
import { accept, refuse, type Decision } from '../../decision';
import { domainError } from '../../errors';
import { isYen } from '../../money';
import { guardRules } from '../../rules-errors';
import { postAwardRulesOf } from '../award';
import type { ReportPerformance } from '../commands';
import type { PerformanceReported } from '../events';
import { documentViolations, locateAward, refusedDocuments } from './guards';

/**
 * 実績報告: actual costs, actual financing, the grant the municipality paid the business,
 * the completion date and evidence. Due one month after the actual completion or on
 * 10 April of the next fiscal year, whichever is earlier; a late report is still taken, and says so.
 */
export const reportPerformance = (
  command: ReportPerformance,
  state: ApplicationState,
): Decision<PerformanceReported> => {
  const { data, metadata } = command;
  const located = locateAward(state, metadata, 'municipality', 'grant_decided');
  if (!located.ok) return refuse(located.error);
  const application = located.value;
  const amounts = [
    ...data.actualCosts.map((cost) => cost.amount),
    data.actualFinancing.loan.amount,
    data.actualFinancing.ownFunds,
    data.grantPaid,
  ];
  if (data.actualCosts.length === 0 || !amounts.every(isYen))
    return refuse(
      domainError('invalid_command', 'actual costs and financing must be whole yen, with at least one cost'),
    );
  const badDocuments = documentViolations(data.documents);
  if (badDocuments.length > 0) return refuse(refusedDocuments(badDocuments));
  const due = guardRules(() => ({
    ok: true,
    value: performanceReportDueDate(data.completedOn, postAwardRulesOf(application.ruleSetId)),
  }));
  if (!due.ok) return refuse(due.error);
  return accept({
    type: 'PerformanceReported',
    data: {
      applicationId: application.id,
      actualCosts: data.actualCosts,
      actualFinancing: data.actualFinancing,
      grantPaid: data.grantPaid,
      completedOn: data.completedOn,
      documents: data.documents,
      dueDate: due.value,
      late: japanDateOf(metadata.at) > due.value,
      reportedAt: metadata.at,
      reportedBy: metadata.actor.sub,
    },
  });
};

import type { EventRouting } from './event-routing';

/**
 * The routing of a read model that folds whole applications (or records every event of
 * their streams): a fold needs every event of the application's stream, and the fiscal
 * year's budget events are not in it.
 */
export const wholeApplicationStream: EventRouting = {
  ApplicationCreated: 'handle',
  ApplicationPlanReplaced: 'handle',
  ApplicationSubmitted: 'handle',
  ApplicationResubmitted: 'handle',
  ApplicationWithdrawn: 'handle',
  ReviewerAssigned: 'handle',
  ConflictOfInterestDeclared: 'handle',
  ReviewSubmitted: 'handle',
  RevisionRequested: 'handle',
  ApplicationAdopted: 'handle',
  ApplicationRejected: 'handle',
  GrantApplied: 'handle',
  GrantDecided: 'handle',
  PlanChangeNotified: 'handle',
  PlanChangeRequested: 'handle',
  PlanChangeApproved: 'handle',
  PlanChangeRefused: 'handle',
  PerformanceReported: 'handle',
  AmountConfirmed: 'handle',
  PaymentRecorded: 'handle',
  DocumentAttached: 'handle',
  LocalConfirmationRecorded: 'handle',
  ReportedToMic: 'handle',
  MicReportAcknowledged: 'handle',
  MicReportReturned: 'handle',
  FiscalYearBudgetSet: 'ignore',
  NationalShareCommitted: 'ignore',
  NationalShareDecided: 'ignore',
  NationalShareConfirmed: 'ignore',
  NationalShareReleased: 'ignore',
  NationalSharePaid: 'ignore',
};

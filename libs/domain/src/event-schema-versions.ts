import type { ApplicationEvent } from './application/events';
import type { BudgetEvent } from './budget/events';

export type DomainEvent = ApplicationEvent | BudgetEvent;
export type DomainEventType = DomainEvent['type'];

/**
 * The current schema version of every event type; the app layer stores it in the
 * event's metadata. Changing an event's data shape raises its version and adds an
 * upcaster for the old one: stored events are never rewritten.
 */
export const eventSchemaVersions: Readonly<Record<DomainEventType, number>> = {
  ApplicationCreated: 1,
  ApplicationPlanReplaced: 1,
  ApplicationSubmitted: 1,
  ApplicationResubmitted: 1,
  ApplicationWithdrawn: 1,
  ReviewerAssigned: 1,
  ConflictOfInterestDeclared: 1,
  ReviewSubmitted: 1,
  RevisionRequested: 1,
  ApplicationAdopted: 1,
  ApplicationRejected: 1,
  GrantApplied: 1,
  GrantDecided: 1,
  PlanChangeNotified: 1,
  PlanChangeRequested: 1,
  PlanChangeApproved: 1,
  PlanChangeRefused: 1,
  PerformanceReported: 1,
  AmountConfirmed: 1,
  PaymentRecorded: 1,
  DocumentAttached: 1,
  LocalConfirmationRecorded: 1,
  ReportedToMic: 1,
  MicReportAcknowledged: 1,
  MicReportReturned: 1,
  FiscalYearBudgetSet: 1,
  NationalShareCommitted: 1,
  NationalShareDecided: 1,
  NationalShareConfirmed: 1,
  NationalShareReleased: 1,
  NationalSharePaid: 1,
};

export const schemaVersionOf = (event: DomainEvent): number => eventSchemaVersions[event.type];

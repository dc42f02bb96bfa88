import { DOMAIN_ERROR_CODES, DOMAIN_ERROR_STATUS } from './errors';
import { eventSchemaVersions, schemaVersionOf } from './event-schema-versions';
import { applicationStreamId, fiscalYearStreamId } from './stream-ids';

describe('what other layers rely on', () => {
  it('names the streams as DESIGN.md does', () => {
    expect(applicationStreamId('0b6c5a4e-2f51-4c1e-9a43-6d0f3c2b9e71')).toBe(
      'application-0b6c5a4e-2f51-4c1e-9a43-6d0f3c2b9e71',
    );
    expect(fiscalYearStreamId(2025)).toBe('fiscal-year-2025');
  });

  it('gives every refusal code a status class', () => {
    expect(DOMAIN_ERROR_CODES.length).toBeGreaterThan(0);
    for (const code of DOMAIN_ERROR_CODES) {
      expect(['conflict', 'unprocessable', 'forbidden', 'not_found']).toContain(DOMAIN_ERROR_STATUS[code]);
    }
    expect(DOMAIN_ERROR_STATUS).toMatchObject({
      invalid_state: 'conflict',
      rule_violations: 'unprocessable',
      budget_exceeded: 'unprocessable',
      not_found: 'not_found',
      forbidden: 'forbidden',
      wrong_track: 'conflict',
    });
  });

  it('versions every event type', () => {
    expect(Object.keys(eventSchemaVersions).sort()).toEqual(
      [
        'ApplicationAdopted',
        'ApplicationCreated',
        'ApplicationPlanReplaced',
        'ApplicationRejected',
        'ApplicationResubmitted',
        'ApplicationSubmitted',
        'ApplicationWithdrawn',
        'ConflictOfInterestDeclared',
        'FiscalYearBudgetSet',
        'NationalShareCommitted',
        'ReviewSubmitted',
        'ReviewerAssigned',
        'RevisionRequested',
        'GrantApplied',
        'GrantDecided',
        'PlanChangeNotified',
        'PlanChangeRequested',
        'PlanChangeApproved',
        'PlanChangeRefused',
        'PerformanceReported',
        'AmountConfirmed',
        'PaymentRecorded',
        'DocumentAttached',
        'LocalConfirmationRecorded',
        'ReportedToMic',
        'MicReportAcknowledged',
        'MicReportReturned',
        'NationalShareDecided',
        'NationalShareConfirmed',
        'NationalShareReleased',
        'NationalSharePaid',
      ].sort(),
    );
    expect(
      schemaVersionOf({
        type: 'NationalShareCommitted',
        data: { fiscalYear: 2025, applicationId: 'a', amount: 0, committedAt: 'x', committedBy: 'y' },
      }),
    ).toBe(1);
  });
});

import type { components } from '../../api/schema';

/* The documented views the audit screens read, straight from the generated OpenAPI schema. */
export type HistoryEntry = components['schemas']['HistoryEntryView'];
export type ApplicationState = components['schemas']['ApplicationStateView'];
export type VerificationReport = components['schemas']['VerificationReportView'];
export type RoundStatistics = components['schemas']['RoundStatisticsView'];
export type ApplicationListItem = components['schemas']['ApplicationListItemView'];

/** The event store's stream of an application, as a verification report names it. */
export const applicationStreamId = (applicationId: string): string => `application-${applicationId}`;

/** The id of a revision's entry in the application's timeline, for links to it. */
export const timelineEntryId = (revision: number): string => `timeline-revision-${revision}`;

/** Of a report, the first broken record of the application's own stream, by revision, with the reason. */
export function brokenRecordsOf(
  report: VerificationReport,
  applicationId: string,
): ReadonlyMap<number, VerificationReport['failures'][number]['reason']> {
  const stream = applicationStreamId(applicationId);
  return new Map(
    report.failures
      .filter((failure) => failure.streamId === stream)
      .map((failure) => [failure.revision, failure.reason]),
  );
}

import type { components } from '../../api/schema';

/* The documented views the audit screens read, straight from the generated OpenAPI schema. */
export type HistoryEntry = components['schemas']['HistoryEntryView'];
export type ApplicationState = components['schemas']['ApplicationStateView'];
export type VerificationReport = components['schemas']['VerificationReportView'];
export type RoundStatistics = components['schemas']['RoundStatisticsView'];
export type ApplicationListItem = components['schemas']['ApplicationListItemView'];

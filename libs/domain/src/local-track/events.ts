import type { Submission } from '../application/submission';
import type { LocalConfirmation } from './local-confirmation';

interface LocalTrackEventOf<Type extends string, Data> {
  readonly type: Type;
  readonly data: Readonly<{ applicationId: string } & Data>;
}

export type LocalConfirmationRecorded = LocalTrackEventOf<'LocalConfirmationRecorded', LocalConfirmation>;

/**
 * The local track's submission: it joins the round of its instant under that round's rule
 * set, as a national submission does, so lists and statistics place it the same way.
 */
export type ReportedToMic = LocalTrackEventOf<
  'ReportedToMic',
  Submission & { schemeRulesDocumentId: string; reportNumber: number; reportedAt: string; reportedBy: string }
>;

export type MicReportAcknowledged = LocalTrackEventOf<
  'MicReportAcknowledged',
  { reportNumber: number; reason: string; acknowledgedAt: string; acknowledgedBy: string }
>;

export type MicReportReturned = LocalTrackEventOf<
  'MicReportReturned',
  { reportNumber: number; reason: string; returnedAt: string; returnedBy: string }
>;

export type LocalTrackEvent =
  LocalConfirmationRecorded | ReportedToMic | MicReportAcknowledged | MicReportReturned;

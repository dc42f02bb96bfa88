import type { CommandMetadata } from '../actor';
import type { LocalAssessments, LocalConfirmationKind, MicAnswerOutcome } from './local-confirmation';

interface LocalTrackCommandOf<Type extends string, Data> {
  readonly type: Type;
  readonly data: Readonly<{ applicationId: string } & Data>;
  readonly metadata: CommandMetadata;
}

/** The municipality records its experts' review or the chamber's confirmation. */
export type RecordLocalConfirmation = LocalTrackCommandOf<
  'RecordLocalConfirmation',
  { kind: LocalConfirmationKind; by: string; on: string; assessments: LocalAssessments; documentId: string }
>;
/** The municipality reports the project to MIC with its 補助要綱. */
export type ReportToMic = LocalTrackCommandOf<'ReportToMic', { schemeRulesDocumentId: string }>;
/** The programme officer acknowledges the report, or returns it naming what is missing. */
export type AnswerMicReport = LocalTrackCommandOf<
  'AnswerMicReport',
  { outcome: MicAnswerOutcome; reason: string }
>;

export type LocalTrackCommand = RecordLocalConfirmation | ReportToMic | AnswerMicReport;

export const LOCAL_TRACK_COMMAND_TYPES: readonly LocalTrackCommand['type'][] = [
  'RecordLocalConfirmation',
  'ReportToMic',
  'AnswerMicReport',
];

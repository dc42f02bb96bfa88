import type { ReviewRequirement } from '@l10k/rules';
import type { Assessment } from '../application/review';

/** Who confirmed the project locally: the municipality's own experts, or a chamber of commerce. */
export const LOCAL_CONFIRMATION_KINDS = ['expert_review', 'chamber_confirmation'] as const;
export type LocalConfirmationKind = (typeof LOCAL_CONFIRMATION_KINDS)[number];

/** The local track's four requirements (DOMAIN.md, "Local track": no model_case). */
export const LOCAL_REQUIREMENTS = [
  'local_resources',
  'public_challenge',
  'regional_financing',
  'novelty',
] as const satisfies readonly ReviewRequirement[];
export type LocalRequirement = (typeof LOCAL_REQUIREMENTS)[number];

export type LocalAssessments = Readonly<Record<LocalRequirement, Assessment>>;

/** 有識者の審査 or 商工会議所等の確認, as the municipality records it. */
export interface LocalConfirmation {
  readonly kind: LocalConfirmationKind;
  /** Who reviewed or confirmed (the panel, the chamber). */
  readonly by: string;
  /** YYYY-MM-DD, the day of the review or confirmation. */
  readonly on: string;
  readonly assessments: LocalAssessments;
  /** The attached document that records it. */
  readonly documentId: string;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

/** The report to MIC (for the special local allocation tax), with the 補助要綱 attached. */
export interface MicReport {
  readonly schemeRulesDocumentId: string;
  /** 1 for the first report, 2 after one return, … */
  readonly reportNumber: number;
  readonly reportedAt: string;
  readonly reportedBy: string;
}

export const MIC_ANSWERS = ['acknowledged', 'returned'] as const;
export type MicAnswerOutcome = (typeof MIC_ANSWERS)[number];

/** The programme officer's answer to the current report. */
export interface MicAnswer {
  readonly outcome: MicAnswerOutcome;
  readonly reason: string;
  readonly answeredAt: string;
  readonly answeredBy: string;
}

/** A report the programme officer returned, kept once the municipality has reported again. */
export interface ReturnedReport {
  readonly reportNumber: number;
  /** What was missing, as the officer wrote it. */
  readonly reason: string;
  readonly returnedAt: string;
  readonly returnedBy: string;
}

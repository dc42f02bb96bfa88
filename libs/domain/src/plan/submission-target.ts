import { fiscalYearOfRound, roundOfInstant } from '@l10k/rules';

/** The intake round (and its fiscal year) a plan joins when submitted at `at`. */
export interface SubmissionTarget {
  readonly round: string;
  readonly fiscalYear: number;
}

/** The app layer uses it too: it says which `fiscal-year-<fy>` stream to load as context. */
export const submissionTarget = (at: string): SubmissionTarget => {
  const round = roundOfInstant(at);
  return { round, fiscalYear: fiscalYearOfRound(round) };
};

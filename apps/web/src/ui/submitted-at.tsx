import { formatDateTimeSeconds } from '../format/dates';

/**
 * When the application was last submitted, in Japan time to the second, as a term of a figures list: the
 * municipality's proof that it came in before the deadline, and what officers and reviewers
 * check against it. After a revision request the resubmission is the one that counts.
 */
export function SubmittedAt({ submittedAt, reviewCycle }: { submittedAt: string; reviewCycle: number }) {
  return (
    <>
      <dt>{reviewCycle > 1 ? '再提出日時' : '提出日時'}</dt>
      <dd data-testid="submitted-at">{formatDateTimeSeconds(new Date(submittedAt))}</dd>
    </>
  );
}

import { ProblemException, problem } from '../problem-details';

/** 409: the client decided on a revision that is no longer current (If-Match, or a lost race). */
export const staleRevision = (message: string): ProblemException =>
  new ProblemException(
    problem(409, message, [{ field: 'If-Match', rule: 'revision_current', message }], 'stale-revision'),
  );

import { ProblemException, problem } from './problem';

/**
 * The one 404 for an application: "does not exist" and "not yours" read the same, so
 * nobody learns of another municipality's application by probing.
 */
export const applicationNotFound = (
  message = 'no application with this id is visible to you',
): ProblemException =>
  new ProblemException(
    problem(404, 'No such application.', [{ field: 'id', rule: 'exists', message }], 'not-found'),
  );

import { DOMAIN_ERROR_STATUS, DomainError, DomainErrorCode, StatusClass } from '@l10k/domain';
import { applicationNotFound } from '../problem-details/application-not-found';
import { ProblemException, problem } from '../problem-details';

const STATUS: Record<StatusClass, number> = {
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  unprocessable: 422,
};

/**
 * The one place where the domain's refusal codes become HTTP statuses. One deliberate
 * deviation from the domain's classes: a reviewer who is not assigned gets a 404, as a
 * foreign municipality does, so that nobody learns an application exists by probing.
 */
const OVERRIDES: Partial<Record<DomainErrorCode, number>> = { not_assigned: 404 };

/** Codes that have no violations of their own still name a field and a rule. */
const FIELD_OF: Partial<Record<DomainErrorCode, string>> = {
  not_found: 'id',
  not_assigned: 'id',
  already_exists: 'id',
  invalid_state: 'status',
  forbidden: 'authorization',
  separation_of_duties: 'authorization',
  conflict_declared: 'reviewerId',
  conflict_not_declared: 'reviewerId',
  conflict_already_declared: 'reviewerId',
  already_assigned: 'reviewerId',
  already_reviewed: 'reviewerId',
  already_committed: 'applicationId',
};

export function statusOfDomainError(code: DomainErrorCode): number {
  return OVERRIDES[code] ?? STATUS[DOMAIN_ERROR_STATUS[code]];
}

export function domainProblem(error: DomainError): ProblemException {
  const status = statusOfDomainError(error.code);
  // A 404 says no more than "no such application", whatever the reason was.
  if (status === 404) return applicationNotFound();
  const errors =
    error.violations && error.violations.length > 0
      ? error.violations.map(({ rule, field, message, figures }) => ({
          rule,
          field,
          message,
          ...(figures ? { figures } : {}),
        }))
      : [{ field: FIELD_OF[error.code] ?? 'body', rule: error.code, message: error.message }];
  return new ProblemException(
    problem(status, error.message, errors, error.code.replace(/_/g, '-'), { code: error.code }),
  );
}

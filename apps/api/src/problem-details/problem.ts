/** RFC 9457 problem details, the one shape of every error this API answers with. */
export interface FieldError {
  /** JSON path of the offending input, e.g. `funding.loan.amount` or `costs[2].category`. */
  readonly field: string;
  /** Stable rule code, e.g. `is_int`, `min`, `grant_within_cap`. */
  readonly rule: string;
  readonly message: string;
  readonly figures?: Record<string, unknown>;
}

export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly errors: readonly FieldError[];
  readonly instance?: string;
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Problem type URIs are stable names under one namespace; `about:blank` only for plain HTTP statuses. */
export function problem(
  status: number,
  detail: string,
  errors: readonly FieldError[] = [],
  typeName?: string,
  extensions: Record<string, unknown> = {},
): ProblemDetails {
  return {
    type: typeName ? `https://local10000.soumu.example/problems/${typeName}` : 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    errors,
    ...extensions,
  };
}

/** Thrown anywhere in the API to answer with a given problem; the filter writes it out. */
export class ProblemException extends Error {
  constructor(readonly problem: ProblemDetails) {
    super(problem.detail);
    this.name = 'ProblemException';
  }
}

/** A 400 naming one field and the rule it broke: the common shape of a bad path, query or header. */
export function invalidRequest(field: string, rule: string, message: string): ProblemException {
  return new ProblemException(problem(400, message, [{ field, rule, message }], 'invalid-request'));
}

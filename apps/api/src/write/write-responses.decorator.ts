import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiResponse,
  ApiServiceUnavailableResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ProblemResponse } from '../problem-details/problem.response';

export interface WriteDocumentation {
  /** The answer's documented view. */
  readonly view: Type<unknown>;
  /** What the route writes, as its 404 and 409 describe it: "application", "fiscal year budget". */
  readonly resource: string;
  readonly successStatus?: number;
  /** What the 422 means for this route, when a programme rule may refuse it. */
  readonly unprocessable?: string;
  /** What the 409 means besides a stale If-Match. */
  readonly conflict?: string;
}

/** The answers every write shares, for the OpenAPI document: its view, If-Match, Idempotency-Key and the problems. */
export function WriteResponses(documentation: WriteDocumentation): MethodDecorator {
  const { view, resource, successStatus = 200 } = documentation;
  return applyDecorators(
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'The revision last seen (the ETag); stale → 409',
    }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'A uuid per intended write; a repeat within the retention period (IDEMPOTENCY_RETENTION_HOURS, 24 h by default) replays the first answer',
    }),
    ApiResponse({
      status: successStatus,
      type: view,
      description: `The ${resource}’s new state and \`revision\`; \`ETag\` header`,
    }),
    ApiBadRequestResponse({ type: ProblemResponse, description: 'A field is malformed; each in errors[]' }),
    ApiNotFoundResponse({ type: ProblemResponse, description: `No such ${resource} visible to the caller` }),
    ApiConflictResponse({
      type: ProblemResponse,
      description: `${documentation.conflict ?? `The ${resource}’s status does not allow this`}, or If-Match is stale`,
    }),
    ApiUnprocessableEntityResponse({
      type: ProblemResponse,
      description: documentation.unprocessable ?? 'A programme rule refuses it; each rule in errors[]',
    }),
    ApiServiceUnavailableResponse({
      type: ProblemResponse,
      description: 'The event store is unreachable; nothing was written',
    }),
  );
}

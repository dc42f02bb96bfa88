import { applyDecorators } from '@nestjs/common';
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

/** The answers every application write shares, for the OpenAPI document. */
export function ApplicationWriteResponses(successStatus: number): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'The revision last seen (the ETag); stale → 409',
    }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'A uuid per intended write; a repeat replays the first answer',
    }),
    ApiResponse({
      status: successStatus,
      description: 'The application’s new state and `revision`; `ETag` header',
    }),
    ApiBadRequestResponse({ type: ProblemResponse }),
    ApiNotFoundResponse({ type: ProblemResponse, description: 'No such application visible to the caller' }),
    ApiConflictResponse({
      type: ProblemResponse,
      description: 'The status does not allow this, or If-Match is stale',
    }),
    ApiUnprocessableEntityResponse({
      type: ProblemResponse,
      description: 'A programme rule refuses it; each rule in errors[]',
    }),
    ApiServiceUnavailableResponse({
      type: ProblemResponse,
      description: 'The event store is unreachable; nothing was written',
    }),
  );
}

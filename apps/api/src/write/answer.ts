import type { FastifyReply } from 'fastify';
import { ProblemDetails, ProblemException } from '../problem-details';
import { etagOf } from './if-match';
import type { WriteResult } from './write-result';

/**
 * Sends a write's result with its status and ETag. A replayed refusal (an idempotent
 * repeat of a request that was refused) goes out as the problem it was.
 */
export function answer(response: FastifyReply, result: WriteResult): unknown {
  if (result.status >= 400) throw new ProblemException(result.body as ProblemDetails);
  response.status(result.status);
  if (result.revision !== undefined) response.header('ETag', etagOf(result.revision));
  return result.body;
}

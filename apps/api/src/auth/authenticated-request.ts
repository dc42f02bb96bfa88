import type { FastifyRequest } from 'fastify';
import type { Principal } from './principal';

/** A request after the authentication guard: `principal` is set on every non-public route. */
export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

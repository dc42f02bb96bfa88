import { createHash } from 'node:crypto';
import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { Role } from '@l10k/domain';
import { canonicalJson } from '@l10k/eventstore';
import { actorFor } from '../auth/principal';
import type { AuthenticatedRequest } from '../auth/authenticated-request';
import { ALLOWED_ROLES } from '../auth/roles.guard';
import { parseIdempotencyKey } from './idempotency-key';
import { parseIfMatch } from './if-match';
import type { WriteRequest } from './write-request';

/**
 * Everything a command needs from the HTTP request besides its body: the actor (acting
 * in the first of the route's @Roles() the principal holds), If-Match, Idempotency-Key,
 * the correlation id, and a fingerprint of the request for idempotent replays.
 */
export const Write = createParamDecorator((_data: unknown, context: ExecutionContext): WriteRequest => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest & { id?: unknown }>();
  const principal = request.principal;
  const allowed: readonly Role[] = Reflect.getMetadata(ALLOWED_ROLES, context.getHandler()) ?? [];
  const role = allowed.find((candidate) => principal?.roles.includes(candidate));
  if (!principal || !role) throw new Error('@Write() needs a route guarded by @Roles()');
  const header = (name: string): string | undefined => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const body: unknown = request.body ?? null;
  let fingerprint: string | undefined;
  return {
    actor: actorFor(principal, role),
    expectedRevision: parseIfMatch(header('if-match')),
    idempotencyKey: parseIdempotencyKey(header('idempotency-key')),
    // Only a keyed write needs it: canonical JSON and a hash of a whole plan, when asked.
    get fingerprint(): string {
      fingerprint ??= createHash('sha256')
        .update(`${request.method} ${request.originalUrl}\u0000${principal.sub}\u0000${canonicalJson(body)}`)
        .digest('hex');
      return fingerprint;
    },
    correlationId: typeof request.id === 'string' ? request.id : String(request.id ?? ''),
  };
});

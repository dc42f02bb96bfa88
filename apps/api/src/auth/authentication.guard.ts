import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { identityProviderUnavailable, unauthenticated } from './auth-problems';
import type { AuthenticatedRequest } from './authenticated-request';
import { IS_PUBLIC } from './public.decorator';
import { IdentityProviderUnavailable, TokenRejected } from './token-errors';
import { TokenVerifier } from './token-verifier';

/** RFC 6750 b64token: what may follow `Bearer `. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/** Global guard: every route not marked @Public() needs a valid bearer token; its principal goes on the request. */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]))
      return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // An answer behind a token is for its bearer alone: no cache, shared or private, may keep it.
    context.switchToHttp().getResponse<FastifyReply>().header('Cache-Control', 'no-store');
    try {
      request.principal = await this.verifier.verify(bearerToken(request.headers.authorization));
      return true;
    } catch (error) {
      if (error instanceof TokenRejected) {
        challenge(context.switchToHttp().getResponse<FastifyReply>(), error);
        throw unauthenticated(error);
      }
      if (error instanceof IdentityProviderUnavailable) throw identityProviderUnavailable(error);
      throw error;
    }
  }
}

function bearerToken(header: string | undefined): string {
  if (header === undefined || header.trim() === '') {
    throw new TokenRejected('token_missing', 'send the header Authorization: Bearer <token>');
  }
  const match = BEARER.exec(header.trim());
  if (!match) throw new TokenRejected('token_invalid', 'the Authorization header must be "Bearer <token>"');
  return match[1];
}

/** The filter writes the body; the challenge header is set here, where the reason is known. */
function challenge(response: FastifyReply, rejection: TokenRejected): void {
  const error =
    rejection.rule === 'token_missing'
      ? ''
      : `, error="invalid_token", error_description="${headerSafe(rejection.message)}"`;
  response.header('WWW-Authenticate', `Bearer realm="l10k"${error}`);
}

/** RFC 6750 allows printable ASCII except quote and backslash in error_description; a claim may carry anything. */
function headerSafe(text: string): string {
  return text.replace(/[^\x20-\x7e]|["\\]/g, '?');
}

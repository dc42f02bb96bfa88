import type { FastifyHelmetOptions } from '@fastify/helmet';

/**
 * Security headers on every answer, by helmet: nosniff, no x-powered-by, no framing, and a
 * Content-Security-Policy that both the Swagger UI at /docs and a single-page app served from
 * this origin fit: scripts, styles, fonts, images and requests from this origin only, no inline
 * script, no plugins. Inline styles stay allowed: Swagger UI and React set style attributes.
 * No upgrade-insecure-requests: the embedded setup is plain HTTP on localhost (TLS ends at a proxy).
 * `connectTo` adds origins the web front end must call itself: the OIDC issuer's discovery and
 * token endpoints (authorisation code with PKCE).
 */
export function securityHeaders(connectTo: readonly string[] = []): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'", ...connectTo],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
      },
    },
    xFrameOptions: { action: 'deny' },
  };
}

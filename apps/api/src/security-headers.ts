import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Security headers on every answer, by helmet: nosniff, no x-powered-by, no framing, and a
 * Content-Security-Policy that both the Swagger UI at /docs and a single-page app served from
 * this origin fit: scripts, styles, fonts, images and requests from this origin only, no inline
 * script, no plugins. Inline styles stay allowed: Swagger UI and React set style attributes.
 * No upgrade-insecure-requests: the embedded setup is plain HTTP on localhost (TLS ends at a proxy).
 * `connectTo` adds origins the web front end must call itself: the OIDC issuer's discovery and
 * token endpoints (authorisation code with PKCE).
 */
export function securityHeaderOptions(connectTo: readonly string[] = []): HelmetOptions {
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

/**
 * The headers helmet writes for these options, worked out once. None of our directives depends
 * on the request (no nonces), so every answer gets the same set; @fastify/helmet instead built a
 * new helmet middleware, parsing the whole policy again, for every request (about 9 KB of
 * garbage and 2% of a worker's CPU per request, measured on GET by id).
 */
export function securityHeaders(options: HelmetOptions): Readonly<Record<string, string>> {
  const response = new ServerResponse(new IncomingMessage(new Socket()));
  helmet(options)(response.req, response, (error?: unknown) => {
    if (error) throw error;
  });
  return Object.fromEntries(
    Object.entries(response.getHeaders()).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(', ') : String(value),
    ]),
  );
}

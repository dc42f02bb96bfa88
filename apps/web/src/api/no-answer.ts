import type { Middleware } from 'openapi-fetch';
import { NO_ANSWER_TYPE } from './problems';

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/**
 * fetch rejects when no answer comes at all: the server is down or the connection is cut, as
 * on a deadline day. Every screen already shows a refusal and frees its buttons; this turns
 * the rejection into one (asProblem reads it as status NO_ANSWER), so no screen is left
 * waiting with its button disabled and nothing said. An abort a screen asked for stays one.
 */
export const answerWhenUnanswered: Middleware = {
  onError({ error }) {
    if (isAbort(error)) return undefined;
    return new Response(JSON.stringify({ type: NO_ANSWER_TYPE, title: 'No answer', status: 503 }), {
      status: 503,
      headers: { 'Content-Type': 'application/problem+json' },
    });
  },
};

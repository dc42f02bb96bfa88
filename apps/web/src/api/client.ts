import createClient from 'openapi-fetch';
import { sessions } from '../auth/session';
import { answerWhenUnanswered } from './no-answer';
import { keyRepeatedWrites, sessionPendingKeys } from './write-keys';
import type { paths } from './schema';

/**
 * The only way the web front end talks to the API: typed from the API's own OpenAPI document
 * (schema.d.ts is generated from openapi.json), so a changed DTO breaks the type check here.
 */
export const api = createClient<paths>({ baseUrl: window.location.origin });

api.use({
  onRequest({ request }) {
    const session = sessions.current();
    if (session) request.headers.set('Authorization', `Bearer ${session.token}`);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && request.headers.has('Authorization')) sessions.lapse();
    return response;
  },
});

api.use(
  keyRepeatedWrites(() => sessionPendingKeys(sessionStorage)),
  answerWhenUnanswered,
);

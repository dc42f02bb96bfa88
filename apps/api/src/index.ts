// The API's public entry point, for scripts: the app itself (the OpenAPI document writer) and
// the dev tokens it accepts (the token CLI).
export { createApiApp } from './create-api-app';
export { principalFromClaims } from './auth/principal-from-claims';
export { issueDevToken } from './auth/dev-tokens';
export { devTokenSecret } from './auth/dev-token-secret';

// The API's public entry point, for scripts (the token CLI): the dev tokens it accepts.
export { principalFromClaims } from './auth/principal-from-claims';
export { issueDevToken } from './auth/dev-tokens';
export { devTokenSecret } from './auth/dev-token-secret';

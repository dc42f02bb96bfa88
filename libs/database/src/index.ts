// The embedded server lives in './embedded-database' and is imported by path
// (`@l10k/database/embedded-database`): its package is ESM-only and only the
// launcher and the test run's global setup need it.
export * from './create-database';
export * from './free-port';
export * from './migrate';
export * from './connection-options';
export * from './running-database';
export * from './publish-once';

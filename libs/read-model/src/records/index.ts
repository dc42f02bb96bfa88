export * from './application-record';
export * from './reviews-needed';

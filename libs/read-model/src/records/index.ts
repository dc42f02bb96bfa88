export * from './application-record';

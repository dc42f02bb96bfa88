export * from './stream-ref';
export * from './domain-command';
export * from './decide-command';

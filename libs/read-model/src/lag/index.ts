export * from './projection-lag';

export * from './row-statements';

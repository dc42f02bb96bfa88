export * from './monthly-statistics';

export * from './postgres/migrations';

export * from './checkpoint-store';
export * from './postgres-checkpoint-store';

export * from './projection-runner';
export * from './projection-binding';
export { applyBatch, applyEvents, readCheckpoint } from './apply-batch';

export * from './migrations';
export * from './entities';
export * from './queries';
export * from './projections';
export * from './lag';
export * from './checkpoints';
export * from './records';

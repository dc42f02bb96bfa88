export * from './migrations';
export * from './entities';
export * from './tables';
export * from './queries';
export * from './projections';
export * from './lag';
export * from './checkpoints';
export * from './records';

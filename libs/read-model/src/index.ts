export * from './migrations';
export * from './entities';
export * from './queries';

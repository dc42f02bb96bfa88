export * from './migrations';
export * from './entities';

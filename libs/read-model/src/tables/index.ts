export * from './row-statements';
export * from './array-literal';

export * from './award';
export * from './commands';
export * from './documents';
export * from './events';
export * from './performance';
export { confirmAmount, decideAwardCommand } from './decide';
export { budgetSideOf } from './budget-side';

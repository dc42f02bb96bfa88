export * from './actor';
export * from './errors';
export * from './decision';
export * from './stream-ids';
export * from './event-schema-versions';

export * from './plan/application-plan';
export * from './plan/completeness';
export * from './plan/to-funding-plan';
export * from './plan/funding-figures';
export * from './plan/plan-assessment';
export * from './plan/submission-target';
export type { RuleSetOptions } from './plan/evaluate-plan';

export * from './application/commands';
export * from './application/events';
export * from './application/state';
export { isAdopted, isDecidedOrWithdrawn } from './application/status-groups';
export * from './application/review';
export type { Submission } from './application/submission';
export type { ApplicationContext } from './application/context';
export { evolveApplication, foldApplication } from './application/evolve';
export * from './application/decide';

export * from './budget/commands';
export * from './budget/events';
export * from './budget/state';
export { evolveBudget, evolveBudgetWith, foldBudget } from './budget/evolve';
export * from './budget/decide';

export * from './adoption/decide-adoption';

export * from './workflow';
export * from './award';
export * from './documents';
export * from './local-track';

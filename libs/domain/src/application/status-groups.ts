import type { AdoptedApplication, ApplicationState } from './state';

/** Adopted, before or after any step of the grant's life. */
export const isAdopted = (state: ApplicationState): state is AdoptedApplication =>
  'decision' in state && state.decision.outcome === 'adopted';

/** Past these, the application is decided (an acknowledged local report too): no edit, no withdrawal, no review. */
export const isDecidedOrWithdrawn = (state: ApplicationState): boolean =>
  isAdopted(state) ||
  state.status === 'rejected' ||
  state.status === 'withdrawn' ||
  state.status === 'acknowledged';

import type { ApplicationState } from './state';

/** Past these, nothing changes any more: no edit, no withdrawal, no review. */
export const isDecidedOrWithdrawn = (state: ApplicationState): boolean =>
  state.status === 'adopted' || state.status === 'rejected' || state.status === 'withdrawn';

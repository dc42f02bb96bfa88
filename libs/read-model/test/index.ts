// The read model's test support: writers of realistic event histories, table snapshots, the visible log.
// Outside src/, so the production build never compiles it; specs and the projector benchmark import it from here.
export * from './realistic-plan';
export * from './workflow-recorder';
export * from './workflow-simulation';
export * from './table-snapshot';
export * from './visible-log';

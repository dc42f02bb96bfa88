// Writers of realistic event histories for the projector's specs and benchmark; not part of the library's API.
export * from './realistic-plan';
export * from './workflow-recorder';
export * from './workflow-simulation';
export * from './table-snapshot';
export * from './visible-log';

export * from './rebuild-projections';
export * from './switch-over';
export * from './shadow-tables';
export * from './progress-bars';

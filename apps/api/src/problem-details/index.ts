export * from './problem';
export * from './problem-details.filter';
export * from './validation.pipe';
export * from './validation-errors';
export * from './body-parser-errors';
export * from './json-body-guard';

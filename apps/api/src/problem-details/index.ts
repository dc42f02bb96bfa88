export * from './problem';
export * from './problem-details.filter';
export * from './validation.pipe';
export * from './validation-errors';
export * from './framework-errors';
export * from './json-body-guard';
export * from './json-body-parser';

export * from './row-statements';
export * from './statement-sent';

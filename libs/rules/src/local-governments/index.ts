export * from './local-government';
export * from './local-government-registry';
export { LOCAL_GOVERNMENT_SOURCE } from './local-government-data';

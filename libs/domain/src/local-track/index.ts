export * from './commands';
export * from './events';
export * from './local-confirmation';
export { wrongTrack } from './track';
export { decideLocalTrackCommand } from './decide';

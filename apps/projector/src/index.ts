// The projector's public entry point, for scripts and benchmarks: the runner and the rebuild.
export {
  ProjectionRunner,
  type ProjectionRunnerOptions,
  type RunnerLogger,
} from './runner/projection-runner';
export {
  rebuildProjections,
  type RebuildOptions,
  type RebuildProgress,
  type RebuildReport,
} from './rebuild/rebuild-projections';
export { progressBars } from './rebuild/progress-bars';

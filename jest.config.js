/** One run covers unit specs (*.spec.ts), database specs (*.int-spec.ts) and end-to-end specs (*.e2e-spec.ts).
 *  The global setup starts one throwaway embedded PostgreSQL; each suite creates its own database in it. */
/** Transpile only (type-checking is `npm run typecheck`'s job), keeping decorator metadata for Nest. */
const tsJest = ['ts-jest', { tsconfig: { allowJs: true, isolatedModules: true } }];
/** jose 6, and file-type 21 with the parsers it imports (the API imports `file-type/core`). */
const ESM_ONLY = [
  'jose',
  'file-type',
  'strtok3',
  'token-types',
  'uint8array-extras',
  '@tokenizer/inflate',
  '@borewit/text-codec',
]
  .map((name) => name.replace('/', '\\/'))
  .join('|');

module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testRegex: '\\.(spec|int-spec|e2e-spec)\\.ts$',
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.data/'],
  transform: { '^.+\\.ts$': tsJest, [`/node_modules/(${ESM_ONLY})/.+\\.js$`]: tsJest },
  // These ship ESM only; Node 20.19+ requires them natively, but Jest's CommonJS runtime needs them transformed.
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY})/)`],
  moduleNameMapper: {
    '^@l10k/(rules|domain|eventstore|read-model|database|config)$': '<rootDir>/libs/$1/src',
    '^@l10k/(rules|domain|eventstore|read-model|database|config)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
  // A worker keeps every module and Nest app its suites loaded (~750 MB RSS after ten e2e
  // suites), and a process that large took ~470 ms to exit here, against jest-worker's 500 ms
  // grace: "a worker process has failed to exit gracefully". Recycled past this heap, the last
  // workers end at 150-500 MB RSS and exit in 30-150 ms; the run takes as long.
  workerIdleMemoryLimit: '300MB',
};

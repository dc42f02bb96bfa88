/**
 * The arrows of ../shared/DESIGN.md ("Shape"), enforced: `npm run lint:deps` (part of `npm run lint`
 * and of .ci/run). Arrows only point down: apps → libs, domain → rules, nothing in libs imports an
 * app, and code outside a package reaches it through its public entry point only.
 *
 * Specs and test support (`*.spec.ts`, `*.int-spec.ts`, `*.e2e-spec.ts`, `test/` folders) may reach
 * behind entry points to set the scene; they are held to the direction of the arrows only where it
 * says so below.
 */
const TEST = '(\\.(spec|int-spec|e2e-spec)\\.ts$)|(^|/)test/';

/** What a package shows to the rest of the tree. `@l10k/database/embedded-database` is the
 *  database lib's second entry (ESM-only package, needed by the launcher and benches alone). */
const ENTRY_POINTS = [
  '^libs/[^/]+/src/index\\.ts$',
  '^libs/database/src/embedded-database\\.ts$',
  '^apps/[^/]+/src/index\\.ts$',
].join('|');

/** Our own code, anywhere in the tree. */
const OURS = '^(apps|libs|scripts|bench|test)/';

module.exports = {
  forbidden: [
    {
      name: 'libs-never-import-apps',
      comment: 'A library is used by the apps, never the other way round (tests included).',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-never-import-other-apps',
      comment:
        'An app depends on libs only: apps/api and apps/projector share code through a lib, never by importing each other.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/', pathNot: TEST },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'apps-import-libs-not-scripts-or-bench',
      comment:
        'Apps are the top of the tree beside scripts and benches; nothing of theirs is imported by an app.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: TEST },
      to: { path: '^(scripts|bench|test)/' },
    },
    {
      name: 'rules-import-nothing-of-ours',
      comment:
        'libs/rules is pure TypeScript on its own: someone changing a funding rule opens libs/rules and nothing else.',
      severity: 'error',
      from: { path: '^libs/rules/', pathNot: TEST },
      to: { path: OURS, pathNot: '^libs/rules/' },
    },
    {
      name: 'domain-imports-only-rules',
      comment: 'libs/domain depends on libs/rules only.',
      severity: 'error',
      from: { path: '^libs/domain/', pathNot: TEST },
      to: { path: OURS, pathNot: '^libs/(domain|rules)/' },
    },
    {
      name: 'rules-and-domain-import-no-packages',
      comment:
        'libs/rules and libs/domain import no framework and no library: pure functions over plain data.',
      severity: 'error',
      from: { path: '^libs/(rules|domain)/', pathNot: TEST },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'packages-meet-through-entry-points',
      comment:
        'Code in one package reaches another lib or app through its public entry point (`@l10k/<lib>`, an app’s src/index.ts), never a file behind it.',
      severity: 'error',
      from: { path: '^(apps|libs)/([^/]+)/', pathNot: TEST },
      to: { path: '^(apps|libs)/', pathNot: [`^$1/$2/`, ENTRY_POINTS] },
    },
    {
      name: 'scripts-use-entry-points',
      comment:
        'Scripts use the libs’ and apps’ public entry points (`@l10k/<lib>`, an app’s src/index.ts), never their internals.',
      severity: 'error',
      from: { path: '^scripts/' },
      to: { path: '^(apps|libs)/', pathNot: ENTRY_POINTS },
    },
    {
      name: 'bench-uses-entry-points',
      comment:
        'Benchmarks use the public entry points too; like specs they may use a lib’s test support, through its own entry (libs/<lib>/test/index.ts).',
      severity: 'error',
      from: { path: '^bench/' },
      to: { path: '^(apps|libs)/', pathNot: [ENTRY_POINTS, '^libs/[^/]+/test/index\\.ts$'] },
    },
    {
      name: 'no-circular',
      comment:
        'A cycle ties modules into one piece that can be neither read nor changed alone. Types that name each other (import type only) are left out: they vanish when compiled.',
      severity: 'error',
      from: { pathNot: TEST },
      to: { circular: true, preCompilationOnly: false },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage|\\.data|node_modules)/' },
    tsPreCompilationDeps: 'specify',
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};

import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** See libs/rules/src/fresh-object.ts: on Node 20 such a literal gets a hidden class of its own per object. */
const literalsStartFresh = {
  selector: "ObjectExpression[properties.length>1] > SpreadElement:first-child[argument.name!='fresh']",
  message:
    'An object literal that begins with a spread and has more members begins with `...fresh` (libs/rules/src/fresh-object.ts): on Node 20 it otherwise costs a hidden class per object.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-bench/**', 'node_modules/**', '.data/**', 'coverage/**', 'jest.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Tool configurations written as CommonJS (.dependency-cruiser.cjs).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Code that runs per request or per event (the web app runs in browsers, tests once).
    files: ['apps/api/src/**/*.ts', 'apps/projector/src/**/*.ts', 'libs/*/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
    rules: { 'no-restricted-syntax': ['error', literalsStartFresh] },
  },
  {
    files: ['libs/rules/**/*.ts', 'libs/domain/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '@nestjs/*',
            'typeorm',
            'pg',
            '@kurrent/*',
            '@l10k/eventstore',
            '@l10k/read-model',
            '@l10k/database',
            '@l10k/config',
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Time is an input: the domain never reads the clock.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Time is an input: the domain never reads the clock.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'Ids and randomness arrive in the command.',
        },
        literalsStartFresh,
      ],
    },
  },
);

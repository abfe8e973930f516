// The JS lint (`npx eslint .`, the first stage of .ci/check.sh, beside the type check in
// jsconfig.json). Deliberately small: the mistakes a type check without `strict` lets through.
// Every file is an ES module; the site sees browser globals, the tests and tools see Node's
// (the e2e specs and benchmarks see both: their page.evaluate callbacks run in the browser).
import globals from 'globals';

const rules = {
  // A name declared and never read is a leftover or a typo's twin; `_name` marks one on purpose.
  'no-unused-vars': ['error', { args: 'after-used', argsIgnorePattern: '^_', caughtErrors: 'none' }],
  // A name never declared is a typo or a missing import.
  'no-undef': 'error',
  // No globals made by accident (top-level `var`/function in a classic script, `this.x = …`).
  'no-implicit-globals': 'error',
};

export default [
  { ignores: ['www/pkg/**', 'target/**', 'dist/**', 'node_modules/**', 'tests/e2e/screenshots/**', 'test-results/**', 'tests/consumers/**/node_modules/**', 'tests/consumers/**/dist/**', 'tests/consumers/**/out/**'] },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules,
  },
  { files: ['www/**/*.js'], languageOptions: { globals: { ...globals.browser } } },
  // Issue 8: a site file or function one can read at once (blank lines and comments not counted).
  {
    files: ['www/**/*.js'],
    rules: {
      'max-lines-per-function': ['error', { max: 150, skipBlankLines: true, skipComments: true }],
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  { files: ['tests/node/**', '.ci/**', '*.mjs'], languageOptions: { globals: { ...globals.node } } },
  { files: ['tests/e2e/**', 'tests/bench/**'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
];

// @ts-check
/**
 * What the three mutation runs share. Per-folder floors need one Stryker run each, since
 * `thresholds.break` is a single score: `stryker.core.config.mjs` (src/core),
 * `stryker.server.config.mjs` (src/server) and `stryker.react.config.mjs` (the React layer).
 * `npm run test:mutation` runs all three.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export const shared = {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  coverageAnalysis: 'perTest',
  incremental: true,
  // One test runner per core: Stryker's own process mostly waits on them.
  concurrency: 2,
  // A static mutant (a module-level constant) runs every test file; they are few and mostly strings and regexes.
  ignoreStatic: true,
  timeoutMS: 5_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  ignorePatterns: ['dist', 'storybook-static', 'test-results', 'examples', 'bench', 'reports', '.stryker-tmp'],
  cleanTempDir: 'always',
}

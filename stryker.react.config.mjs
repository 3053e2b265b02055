// @ts-check
import { shared } from './stryker.shared.mjs'

/** The React layer (components, hooks, labels): a floor of 80%. @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...shared,
  vitest: { configFile: 'stryker.vitest.react.config.ts' },
  mutate: ['src/**/*.{ts,tsx}', '!src/core/**', '!src/server/**'],
  // The diagnostics tests load the package afresh inside each test, so every module-level constant of the
  // layer (its labels, its messages) is also covered by them, and would be tried against them alone. Run
  // each such mutant against every test instead, with the module loaded afresh: a changed label is then
  // seen by the tests that read it.
  ignoreStatic: false,
  thresholds: { high: 90, low: 80, break: 80 },
  incrementalFile: 'reports/mutation/react.incremental.json',
  htmlReporter: { fileName: 'reports/mutation/react.html' },
  jsonReporter: { fileName: 'reports/mutation/react.json' },
}

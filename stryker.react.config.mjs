// @ts-check
import { shared } from './stryker.shared.mjs'

/** The React layer (components, hooks, labels): a floor of 80%. @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...shared,
  vitest: { configFile: 'stryker.vitest.react.config.ts' },
  mutate: ['src/**/*.{ts,tsx}', '!src/core/**', '!src/server/**'],
  thresholds: { high: 90, low: 80, break: 80 },
  incrementalFile: 'reports/mutation/react.incremental.json',
  htmlReporter: { fileName: 'reports/mutation/react.html' },
  jsonReporter: { fileName: 'reports/mutation/react.json' },
}

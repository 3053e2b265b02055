// @ts-check
import { shared } from './stryker.shared.mjs'

/** The framework-free core: a floor of 90%. @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...shared,
  vitest: { configFile: 'stryker.vitest.core.config.ts' },
  mutate: ['src/core/**/*.ts'],
  thresholds: { high: 95, low: 90, break: 90 },
  incrementalFile: 'reports/mutation/core.incremental.json',
  htmlReporter: { fileName: 'reports/mutation/core.html' },
  jsonReporter: { fileName: 'reports/mutation/core.json' },
}

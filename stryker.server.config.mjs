// @ts-check
import { shared } from './stryker.shared.mjs'

/** The server handlers: a floor of 90%. @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...shared,
  vitest: { configFile: 'stryker.vitest.core.config.ts' },
  mutate: ['src/server/**/*.ts'],
  thresholds: { high: 95, low: 90, break: 90 },
  incrementalFile: 'reports/mutation/server.incremental.json',
  htmlReporter: { fileName: 'reports/mutation/server.html' },
  jsonReporter: { fileName: 'reports/mutation/server.json' },
}

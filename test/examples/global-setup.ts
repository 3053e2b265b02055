/** The examples project's global setup: one sandbox, one build of each example, shared by every test file. */
import type { TestProject } from 'vitest/node'
import { startExamples, type ExamplesStack } from './stack.js'

declare module 'vitest' {
  export interface ProvidedContext {
    examples: ExamplesStack
  }
}

export default async function setup(project: TestProject) {
  const { stack, stop } = await startExamples()
  project.provide('examples', stack)
  return stop
}
